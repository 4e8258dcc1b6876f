# ctest driver: configure (once), build and run tests/capi/tsan, the C ABI's
# threaded test under ThreadSanitizer. The build directory is kept, so later
# runs rebuild only what changed.
# Arguments: -DSOURCE_DIR=... (the repository) -DWORK_DIR=... -DGENERATOR=...
function(run_step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "step failed (${status}): ${ARGN}")
  endif()
endfunction()

set(flags "-O1 -g -fsanitize=thread -fno-omit-frame-pointer")
if(NOT EXISTS ${WORK_DIR}/CMakeCache.txt)
  run_step(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/capi/tsan -B ${WORK_DIR} -G ${GENERATOR}
           -DCMAKE_BUILD_TYPE=Debug -DTIEOUT_SOURCE_DIR=${SOURCE_DIR}
           "-DCMAKE_C_FLAGS=${flags}" "-DCMAKE_CXX_FLAGS=${flags}"
           -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread
           -DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=thread)
endif()
run_step(${CMAKE_COMMAND} --build ${WORK_DIR} --target threads_test)
set(ENV{TSAN_OPTIONS} "halt_on_error=1:second_deadlock_stack=1")
run_step(${WORK_DIR}/threads_test ${SOURCE_DIR} 3)
