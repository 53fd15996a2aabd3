# Fails unless FILE contains every text of EXPECT (texts separated by '|').
file(READ "${FILE}" content)
string(REPLACE "|" ";" texts "${EXPECT}")
foreach(t IN LISTS texts)
  string(FIND "${content}" "${t}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${FILE} lacks: ${t}")
  endif()
endforeach()
