/* Declaration-only subset of the Arduino String class, WString.h (arduino-esp32 2.x /
 * ArduinoCore-API): same overloads and friend operator+ on StringSumHelper; no bodies. */
#ifndef String_class_h
#define String_class_h
#ifdef __cplusplus

#include <stddef.h>
#include <stdint.h>

class __FlashStringHelper;
class StringSumHelper;

class String {
public:
  String(const char *cstr = "");
  String(const char *cstr, unsigned int length);
  String(const String &str);
  String(const __FlashStringHelper *str);
  String(String &&rval);
  explicit String(char c);
  explicit String(unsigned char, unsigned char base = 10);
  explicit String(int, unsigned char base = 10);
  explicit String(unsigned int, unsigned char base = 10);
  explicit String(long, unsigned char base = 10);
  explicit String(unsigned long, unsigned char base = 10);
  explicit String(float, unsigned int decimalPlaces = 2);
  explicit String(double, unsigned int decimalPlaces = 2);
  ~String(void);

  unsigned char reserve(unsigned int size);
  unsigned int length(void) const;

  String &operator=(const String &rhs);
  String &operator=(const char *cstr);
  String &operator=(String &&rval);

  unsigned char concat(const String &str);
  unsigned char concat(const char *cstr);
  unsigned char concat(char c);
  unsigned char concat(int num);
  unsigned char concat(unsigned int num);
  unsigned char concat(long num);
  unsigned char concat(unsigned long num);
  unsigned char concat(float num);
  unsigned char concat(double num);

  String &operator+=(const String &rhs);
  String &operator+=(const char *cstr);
  String &operator+=(char c);
  String &operator+=(int num);
  String &operator+=(unsigned int num);
  String &operator+=(long num);
  String &operator+=(unsigned long num);
  String &operator+=(float num);
  String &operator+=(double num);

  friend StringSumHelper &operator+(const StringSumHelper &lhs, const String &rhs);
  friend StringSumHelper &operator+(const StringSumHelper &lhs, const char *cstr);
  friend StringSumHelper &operator+(const StringSumHelper &lhs, char c);
  friend StringSumHelper &operator+(const StringSumHelper &lhs, int num);
  friend StringSumHelper &operator+(const StringSumHelper &lhs, unsigned int num);
  friend StringSumHelper &operator+(const StringSumHelper &lhs, long num);
  friend StringSumHelper &operator+(const StringSumHelper &lhs, unsigned long num);
  friend StringSumHelper &operator+(const StringSumHelper &lhs, float num);
  friend StringSumHelper &operator+(const StringSumHelper &lhs, double num);

  const char *c_str() const;
  char charAt(unsigned int index) const;
  void setCharAt(unsigned int index, char c);
  char operator[](unsigned int index) const;
  int indexOf(char ch) const;
  unsigned char equals(const String &s) const;
  unsigned char startsWith(const String &prefix) const;
  String substring(unsigned int beginIndex, unsigned int endIndex) const;
  void toUpperCase(void);
  void trim(void);
  long toInt(void) const;
  float toFloat(void) const;
};

class StringSumHelper : public String {
public:
  StringSumHelper(const String &s);
  StringSumHelper(const char *p);
  StringSumHelper(char c);
  StringSumHelper(unsigned char num);
  StringSumHelper(int num);
  StringSumHelper(unsigned int num);
  StringSumHelper(long num);
  StringSumHelper(unsigned long num);
  StringSumHelper(float num);
  StringSumHelper(double num);
};

#endif // __cplusplus
#endif // String_class_h
