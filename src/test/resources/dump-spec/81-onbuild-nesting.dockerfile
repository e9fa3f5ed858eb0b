# rule: §5 ONBUILD: the rest is parsed as an instruction and printed in parentheses as the single argument
ONBUILD RUN make
onbuild copy --from=build /a /b
ONBUILD RUN ["make", "install"]
ONBUILD ONBUILD USER x
ONBUILD   FOOBAR   y
