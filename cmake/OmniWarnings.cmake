# SPDX-License-Identifier: MIT
# omni_set_warnings(target): the project's warning flags and sanitizers, as PRIVATE usage requirements.
function(omni_set_warnings target)
    target_compile_options(${target} PRIVATE
        $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
            -Woverloaded-virtual -Wconversion -Wsign-conversion -Wno-sign-conversion -Wno-conversion>
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
