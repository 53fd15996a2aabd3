# trygg_project_warnings(target): strict warnings for the project's own targets.
# Errors only in developer builds and only inside this build tree ($<BUILD_INTERFACE:>), so
# a user with a newer compiler is never stopped by a new warning.
function(trygg_project_warnings target)
  target_compile_options(${target} PRIVATE
    $<BUILD_INTERFACE:-Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
      -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual>)
  if(TRYGG_DEVELOPER)
    target_compile_options(${target} PRIVATE $<BUILD_INTERFACE:-Werror>)
  endif()
  if(TRYGG_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
