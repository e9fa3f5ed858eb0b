# rule: §4.6 in flag words quotes "..." are removed; a flag ends only at unquoted whitespace
RUN --mount="type=bind,source=a b,target=/c" make
RUN --x="" --"y z"=1 echo
