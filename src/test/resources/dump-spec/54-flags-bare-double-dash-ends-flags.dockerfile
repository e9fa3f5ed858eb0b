# rule: §4.6 a bare -- word ends the flags and is dropped
RUN --a -- --b echo
COPY --from=x -- --weird dst
