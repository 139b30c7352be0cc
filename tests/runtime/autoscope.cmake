# Automatic scopes (docs/runtime.md, "Automatic scopes"): real JACK clients against a jackd the test
# starts, PortAudio and SDL programs, real LV2 and LADSPA plug-ins in lv2apply and applyplugin, a
# CLAP plug-in in a CLAP host of our own, and the
# check of runtime/autoscopes.def against rules/. Included from CMakeLists.txt (rtcheck_rt_program).
find_package(PkgConfig REQUIRED)
pkg_check_modules(RTCHECK_JACK REQUIRED IMPORTED_TARGET jack)
pkg_check_modules(RTCHECK_PORTAUDIO REQUIRED IMPORTED_TARGET portaudio-2.0)
pkg_check_modules(RTCHECK_SDL2 REQUIRED IMPORTED_TARGET sdl2)
pkg_check_modules(RTCHECK_RTAUDIO REQUIRED IMPORTED_TARGET rtaudio)
pkg_check_modules(RTCHECK_PIPEWIRE REQUIRED IMPORTED_TARGET libpipewire-0.3)
pkg_check_modules(RTCHECK_GSTREAMER_APP REQUIRED IMPORTED_TARGET gstreamer-app-1.0)

rtcheck_rt_program(rt_jack_lifecycle jack_lifecycle.c)
target_link_libraries(rt_jack_lifecycle PRIVATE PkgConfig::RTCHECK_JACK)
rtcheck_rt_program(rt_pa_tone pa_tone.c)
target_link_libraries(rt_pa_tone PRIVATE PkgConfig::RTCHECK_PORTAUDIO m)
rtcheck_rt_program(rt_sdl_tone sdl_tone.c)
target_link_libraries(rt_sdl_tone PRIVATE PkgConfig::RTCHECK_SDL2)
rtcheck_rt_program(rt_sched_threads sched_threads.c)
rtcheck_rt_program(rt_rtaudio_tone rtaudio_tone.cpp)
target_link_libraries(rt_rtaudio_tone PRIVATE PkgConfig::RTCHECK_RTAUDIO)
rtcheck_rt_program(rt_pw_process pw_process.c)
target_link_libraries(rt_pw_process PRIVATE PkgConfig::RTCHECK_PIPEWIRE)
rtcheck_rt_program(rt_gst_frames gst_frames.c)
target_link_libraries(rt_gst_frames PRIVATE PkgConfig::RTCHECK_GSTREAMER_APP)
rtcheck_rt_program(rt_gst_appsrc gst_appsrc.c)
target_link_libraries(rt_gst_appsrc PRIVATE PkgConfig::RTCHECK_GSTREAMER_APP)
rtcheck_rt_program(rt_gst_chain gst_chain.c)
target_link_libraries(rt_gst_chain PRIVATE PkgConfig::RTCHECK_GSTREAMER_APP)
rtcheck_rt_program(rt_dlsym_next dlsym_next.c)
# CLAP: a host and a plug-in library of our own (Debian 12 ships neither), on runtime/src/clap_abi.h.
rtcheck_rt_program(rt_clap_host clap_host.c)
target_include_directories(rt_clap_host PRIVATE ${PROJECT_SOURCE_DIR}/runtime/src)
target_link_libraries(rt_clap_host PRIVATE ${CMAKE_DL_LIBS})
add_library(rt_clap_plugin MODULE programs/clap_plugin.cpp)
target_include_directories(rt_clap_plugin PRIVATE ${PROJECT_SOURCE_DIR}/runtime/src)
target_compile_options(rt_clap_plugin PRIVATE -O1 -fno-builtin -fno-optimize-sibling-calls)
set_target_properties(rt_clap_plugin PROPERTIES PREFIX "" SUFFIX ".clap"
  LIBRARY_OUTPUT_DIRECTORY ${RTCHECK_RT_PROG_DIR})
add_dependencies(rt_clap_host rt_clap_plugin)
target_link_libraries(rt_dlsym_next PRIVATE ${CMAKE_DL_LIBS})

foreach(case jack-clients jack-transport jack-lifecycle portaudio rtaudio sdl pulse lv2 jalv jalv-worker ladspa trap-plugin trap-jack dlsym-next
             sched-threads)
  add_test(NAME runtime/autoscope/${case}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/autoscope_test.py ${case}
            --rtcheck $<TARGET_FILE:rtcheck> --programs ${RTCHECK_RT_PROG_DIR})
  set_tests_properties(runtime/autoscope/${case} PROPERTIES LABELS "runtime" TIMEOUT 180)
endforeach()
# The jackd each JACK case starts has its own server name, but two of them on 2 cores at once only
# make the deadline figures noisier.
set_tests_properties(runtime/autoscope/jack-clients runtime/autoscope/jack-transport
  runtime/autoscope/jack-lifecycle runtime/autoscope/portaudio runtime/autoscope/rtaudio runtime/autoscope/jalv
  runtime/autoscope/jalv-worker
  runtime/autoscope/trap-jack PROPERTIES RESOURCE_LOCK jackd)

# CLAP plug-ins in a CLAP host of our own (docs/runtime.md, "CLAP plug-ins").
foreach(case clap clap-rate clap-slots clap-read-only clap-trap)
  add_test(NAME runtime/autoscope/${case}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/autoscope_clap_test.py ${case}
            --rtcheck $<TARGET_FILE:rtcheck> --programs ${RTCHECK_RT_PROG_DIR})
  set_tests_properties(runtime/autoscope/${case} PROPERTIES LABELS "runtime" TIMEOUT 120)
endforeach()

# PipeWire clients against a pipewire daemon each case starts with its own runtime directory, and a
# GStreamer pipeline's appsink callbacks, pad probes and chain functions.
foreach(case pipewire-stream pipewire-filter pw-cat gstreamer gstreamer-appsrc gstreamer-chain)
  add_test(NAME runtime/autoscope/${case}
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/autoscope_media_test.py ${case}
            --rtcheck $<TARGET_FILE:rtcheck> --programs ${RTCHECK_RT_PROG_DIR})
  set_tests_properties(runtime/autoscope/${case} PROPERTIES LABELS "runtime" TIMEOUT 120)
endforeach()

add_test(NAME runtime/autoscopes-match-rules
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/check_autoscopes.py
          --shim $<TARGET_FILE:rtcheck_rt>
          --def ${PROJECT_SOURCE_DIR}/runtime/autoscopes.def
          --interceptors ${PROJECT_SOURCE_DIR}/runtime/interceptors.def
          --rules ${PROJECT_SOURCE_DIR}/rules)
set_tests_properties(runtime/autoscopes-match-rules PROPERTIES LABELS "runtime")

# The core (record pool, name table) from several threads, plain and under ThreadSanitizer.
foreach(variant plain ${RTCHECK_RT_TSAN_VARIANTS})
  set(name rtcheck_runtime_autoscope_core_${variant})
  add_executable(${name} AutoscopeCoreTest.cpp ${RTCHECK_RT_CORE_SOURCES})
  target_include_directories(${name} PRIVATE ${RTCHECK_RT_INCLUDE_DIRS})
  target_compile_definitions(${name} PRIVATE _GNU_SOURCE)
  target_link_libraries(${name} PRIVATE GTest::gtest_main Threads::Threads rtcheck_warnings
                        ${CMAKE_DL_LIBS})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  add_dependencies(${name} rtcheck_rt_categories)
endforeach()
gtest_discover_tests(rtcheck_runtime_autoscope_core_plain TEST_PREFIX "runtime/autoscope/core/"
  PROPERTIES LABELS "runtime")
if(RTCHECK_RT_TSAN_VARIANTS)
  target_compile_options(rtcheck_runtime_autoscope_core_tsan PRIVATE -fsanitize=thread -O1 -g)
  target_link_options(rtcheck_runtime_autoscope_core_tsan PRIVATE -fsanitize=thread)
  add_test(NAME runtime/autoscope/core-tsan COMMAND rtcheck_runtime_autoscope_core_tsan)
  set_tests_properties(runtime/autoscope/core-tsan PROPERTIES LABELS "runtime"
    ENVIRONMENT "TSAN_OPTIONS=halt_on_error=1:abort_on_error=0:exitcode=66")
endif()
