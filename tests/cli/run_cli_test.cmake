# Runs one trygg command and checks it like osmium-tool's golden tests: the exit code, stdout
# against a reference file (when given), and stderr (empty, or containing an expected text).
#
# Variables: TRYGG (executable), ARGS (;-list), WORKDIR, EXPECT_EXIT, GOLDEN (optional file),
# STDOUT_CONTAINS / STDERR_CONTAINS (optional text), STDERR_EMPTY (ON/OFF),
# EXPECT_NO_FILE (optional path that must not exist afterwards), CLEAN (optional path removed first).
string(REPLACE "|" ";" ARGS "${ARGS}")
if(CLEAN)
  file(REMOVE_RECURSE "${CLEAN}")
endif()
execute_process(
  COMMAND ${TRYGG} ${ARGS}
  WORKING_DIRECTORY "${WORKDIR}"
  RESULT_VARIABLE exit_code
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)

set(problems "")
if(NOT exit_code STREQUAL EXPECT_EXIT)
  string(APPEND problems "exit code ${exit_code}, expected ${EXPECT_EXIT}\n")
endif()
if(GOLDEN)
  file(READ "${GOLDEN}" expected)
  if(NOT out STREQUAL expected)
    string(APPEND problems "stdout differs from ${GOLDEN}:\n--- got ---\n${out}--- expected ---\n${expected}\n")
  endif()
endif()
if(DEFINED STDOUT_CONTAINS)
  string(FIND "${out}" "${STDOUT_CONTAINS}" at)
  if(at EQUAL -1)
    string(APPEND problems "stdout lacks '${STDOUT_CONTAINS}':\n${out}\n")
  endif()
endif()
if(STDERR_EMPTY AND NOT err STREQUAL "")
  string(APPEND problems "stderr is not empty:\n${err}\n")
endif()
if(DEFINED STDERR_CONTAINS)
  string(FIND "${err}" "${STDERR_CONTAINS}" at)
  if(at EQUAL -1)
    string(APPEND problems "stderr lacks '${STDERR_CONTAINS}':\n${err}\n")
  endif()
  # Errors are one line: no stack traces, no GDAL noise.
  string(REGEX MATCHALL "\n" newlines "${err}")
  list(LENGTH newlines lines)
  if(EXPECT_EXIT STREQUAL "1" AND lines GREATER 1)
    string(APPEND problems "a data error must be one line on stderr, got ${lines}:\n${err}\n")
  endif()
endif()
if(EXPECT_NO_FILE AND EXISTS "${EXPECT_NO_FILE}")
  string(APPEND problems "${EXPECT_NO_FILE} exists but must not\n")
endif()
if(problems)
  message(FATAL_ERROR "trygg ${ARGS}\n${problems}")
endif()
