# rule: §3 `"` -> `\"`, `\` -> `\\` in every printed argument
RUN echo "a\b" 'c' \\d
USER "x"\y
