// A root method calling a virtual method on `this` reaches every override below the root's class.
#include <rtcheck/realtime.h>
#include <unistd.h>

class Node {
public:
  RTCHECK_REALTIME(audio) void tick() { update(); }
  virtual ~Node() = default;

protected:
  virtual void update() {}
};

class Sleeper : public Node {
protected:
  void update() override {
    usleep(1);  // expect: syscall
  }
};

class Worker : public Node {
protected:
  void update() override {
    int *p = new int;  // expect: alloc
    delete p;  // expect: alloc
  }
};
