# SPDX-License-Identifier: MIT
# omni_set_warnings(target): the project's warning flags and sanitizers, as PRIVATE usage requirements.
# The policy (docs/CONTRIBUTING.md): these warnings, as errors in the dev preset. -Wconversion and -Wsign-conversion
# stay off: Qt's int and qsizetype meet in almost every call, and the narrowing that can go wrong (floating point to
# integer, undefined out of range) is clang-tidy's bugprone-narrowing-conversions (scripts/lint.sh).
function(omni_set_warnings target)
    target_compile_options(${target} PRIVATE
        $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
            -Woverloaded-virtual>
        $<$<COMPILE_LANGUAGE:C>:-Wall -Wextra -Wshadow -Wstrict-prototypes>)
    if(OMNI_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

if(OMNI_SANITIZE)
    # Sanitizers must reach every object and the link of every executable, Qt-facing or not.
    add_compile_options(-fsanitize=${OMNI_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=${OMNI_SANITIZE})
endif()
