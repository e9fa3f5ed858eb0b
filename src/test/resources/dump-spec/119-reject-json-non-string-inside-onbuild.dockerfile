# rule: §7 a valid JSON array with a non-string is rejected in the instruction inside ONBUILD too
ONBUILD RUN ["a", 1]
