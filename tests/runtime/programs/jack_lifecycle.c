/* A JACK client that exercises what automatic scopes must survive: a process callback replaced
 * before activation, a registration refused on an active client (its return value must reach the
 * program unchanged), a client closed and reopened, and a process thread (jack_set_process_thread)
 * whose cycles allocate. Prints each registration's return value; exits 0 when JACK behaved as
 * documented. Unmodified: no scope markers. */
#include <jack/jack.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static volatile int cycles_a, cycles_b, cycles_thread;

static int process_a(jack_nframes_t n, void *arg) {
  (void)n;
  (void)arg;
  cycles_a++;
  return 0;
}

static int process_b(jack_nframes_t n, void *arg) {
  (void)n;
  cycles_b += *(int *)arg;
  return 0;
}

static void *thread_body(void *arg) {
  jack_client_t *c = arg;
  for (;;) {
    jack_nframes_t n = jack_cycle_wait(c);
    void *scratch = malloc(n * sizeof(float));
    free(scratch);
    cycles_thread++;
    jack_cycle_signal(c, 0);
  }
  return NULL;
}

static jack_client_t *open_client(void) {
  jack_client_t *c = jack_client_open("rtcheck_lifecycle", JackNoStartServer, NULL);
  if (!c) {
    fprintf(stderr, "jack_lifecycle: no JACK server\n");
    exit(2);
  }
  return c;
}

int main(void) {
  static int one = 1;
  jack_client_t *c = open_client();
  int r1 = jack_set_process_callback(c, process_a, NULL);
  int r2 = jack_set_process_callback(c, process_b, &one);
  jack_activate(c);
  usleep(300000);
  int r3 = jack_set_process_callback(c, process_a, NULL); /* refused: the client is active */
  jack_deactivate(c);
  jack_client_close(c);

  c = open_client();
  int r4 = jack_set_process_thread(c, thread_body, c);
  jack_activate(c);
  usleep(300000);
  jack_deactivate(c);
  jack_client_close(c);
  printf("registrations %d %d %d %d cycles a=%d b=%d thread=%d\n", r1, r2, r3, r4, cycles_a,
         cycles_b, cycles_thread);
  return r1 == 0 && r2 == 0 && r3 != 0 && r4 == 0 && cycles_a == 0 && cycles_b > 0 &&
                 cycles_thread > 0
             ? 0
             : 1;
}
