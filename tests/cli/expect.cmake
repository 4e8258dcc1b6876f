# ctest driver for the tieout command: runs it, then checks the exit status
# and, optionally, that the output matches a regular expression.
# Arguments: -DCOMMAND="exe;arg;..." -DEXIT_CODE=N [-DOUTPUT_MATCHES=regex]
execute_process(COMMAND ${COMMAND} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL EXIT_CODE)
  message(FATAL_ERROR "exit status ${status}, expected ${EXIT_CODE}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED OUTPUT_MATCHES AND NOT "${out}${err}" MATCHES "${OUTPUT_MATCHES}")
  message(FATAL_ERROR "output does not match \"${OUTPUT_MATCHES}\":\n${out}${err}")
endif()
