# rule: §4.4 the next physical line is appended directly, its leading whitespace kept (a + 4-space b -> 5 spaces)
RUN a \
    b
