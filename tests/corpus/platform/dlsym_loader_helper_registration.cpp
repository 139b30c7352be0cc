// #9 entries: JACK loaded through the program's own helper that passes the symbol name on to dlsym (DPF's lib_symbol<F>(lib, "jack_...")): the pointers are those library functions, so the callback given to jack_set_process_callback through one is a root, and a call through jack_connect is the rule's syscall.
#include <dlfcn.h>
#include <jack_decls.h>
#include <stdint.h>

typedef int (*set_process_fn)(jack_client_t *, JackProcessCallback, void *);
typedef int (*connect_fn)(jack_client_t *, const char *, const char *);
typedef void *(*port_get_buffer_fn)(void *, jack_nframes_t);

template <typename Func> static inline Func lib_symbol(void *lib, const char *symbol) {
  if (lib == nullptr || symbol == nullptr)
    return nullptr;
  return (Func)(uintptr_t)dlsym(lib, symbol);
}

struct Bridge {
  set_process_fn set_process_callback_ptr = nullptr;
  connect_fn connect_ptr = nullptr;
  port_get_buffer_fn port_get_buffer_ptr = nullptr;

  void load() {
    void *lib = dlopen("libjack.so.0", RTLD_NOW);
    set_process_callback_ptr = lib_symbol<set_process_fn>(lib, "jack_set_process_callback");
    connect_ptr = lib_symbol<connect_fn>(lib, "jack_connect");
    port_get_buffer_ptr = lib_symbol<port_get_buffer_fn>(lib, "jack_port_get_buffer");
  }
};

static Bridge g_bridge;
static jack_client_t *g_client;
static void *g_port;

static int process(jack_nframes_t n, void *) {
  float *out = static_cast<float *>(g_bridge.port_get_buffer_ptr(g_port, n));
  out[0] = 0.0f;
  if (n == 0)
    g_bridge.connect_ptr(g_client, "a:out", "b:in"); // expect: syscall
  return 0;
}

int main() {
  g_bridge.load();
  return g_bridge.set_process_callback_ptr(g_client, process, nullptr);
}
