/* #10 causes (7, rules): a pointer loaded with dlsym(lib, "jack_port_get_buffer") is that library function (DPF's jackbridge calls all of JACK this way): real-time-safe calls through it are no finding, a call through a pointer loaded from "jack_connect" is the rule's syscall, not an anonymous `indirect`. */
#include <dlfcn.h>
#include <jack_decls.h>
#include <stddef.h>

typedef void *(*port_get_buffer_fn)(void *port, jack_nframes_t n);
typedef int (*connect_fn)(jack_client_t *client, const char *src, const char *dst);

static port_get_buffer_fn g_port_get_buffer;
static connect_fn g_connect;
static void *g_port;
static jack_client_t *g_client;

void bridge_load(void) {
  void *lib = dlopen("libjack.so.0", RTLD_NOW);
  g_port_get_buffer = (port_get_buffer_fn)dlsym(lib, "jack_port_get_buffer");
  g_connect = (connect_fn)dlsym(lib, "jack_connect");
}

static int process(jack_nframes_t n, void *arg) {
  (void)arg;
  float *out = (float *)g_port_get_buffer(g_port, n);
  out[0] = 0.0f;
  if (n == 0)
    g_connect(g_client, "a:out", "b:in"); // expect: syscall
  return 0;
}

int bridge_start(void) { return jack_set_process_callback(g_client, process, NULL); }
