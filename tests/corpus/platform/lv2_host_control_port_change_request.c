/* LV2 host side (mod-host): the function a host stores into the control-input-port-change-request extension's request_change field is an audio entry, because the extension says the plug-in must call it during run(). The struct is declared as the extension's header declares it. */
#include <pthread.h>
#include <stdint.h>

typedef enum { LV2_CONTROL_INPUT_PORT_CHANGE_SUCCESS = 0 } LV2_ControlInputPort_Change_Status;
typedef void *LV2_ControlInputPort_Change_Request_Handle;
typedef struct _LV2_ControlInputPort_Change_Request {
  LV2_ControlInputPort_Change_Request_Handle handle;
  LV2_ControlInputPort_Change_Status (*request_change)(LV2_ControlInputPort_Change_Request_Handle handle,
                                                       uint32_t index, float value);
} LV2_ControlInputPort_Change_Request;

static pthread_mutex_t g_requests_mutex = PTHREAD_MUTEX_INITIALIZER;
static float g_requested[64];

static LV2_ControlInputPort_Change_Status request_change(LV2_ControlInputPort_Change_Request_Handle handle,
                                                         uint32_t index, float value) {
  (void)handle;
  pthread_mutex_lock(&g_requests_mutex); // expect: lock
  g_requested[index % 64] = value;
  pthread_mutex_unlock(&g_requests_mutex); // expect: lock
  return LV2_CONTROL_INPUT_PORT_CHANGE_SUCCESS;
}

static LV2_ControlInputPort_Change_Request g_feature;

int main(void) {
  g_feature.handle = 0;
  g_feature.request_change = request_change;
  return 0;
}
