# rule: §5 words: an escape character at the very end is dropped (the line does not continue: previous char is an escape)
ARG a\\\
USER b
