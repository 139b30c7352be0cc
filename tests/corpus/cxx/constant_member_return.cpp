// A member function that returns a constant decides its caller's early exit (Rubber Band's `if (isSingleWindowed()) return;` before allocations); a virtual call's result is not followed (here an override returns true), so its branch stays live.
#include <rtcheck/realtime.h>
#include <vector>

class Shifter {
public:
  virtual ~Shifter() = default;
  bool isSingleWindowed() const { return true; }
  virtual bool wantsKick() const { return false; }

  void adjustPreKick() {
    if (isSingleWindowed())
      return;
    m_pending.push_back(1.0f);
  }
  void adjustKick() {
    if (!wantsKick())
      return;
    m_pending.push_back(2.0f); // expect: alloc
  }

private:
  std::vector<float> m_pending;
};

class Kicker : public Shifter {
public:
  bool wantsKick() const override { return true; }
};

Kicker g_kicker;
Shifter &g_shifter = g_kicker;

RTCHECK_REALTIME(audio) void process() {
  g_shifter.adjustPreKick();
  g_shifter.adjustKick();
}
