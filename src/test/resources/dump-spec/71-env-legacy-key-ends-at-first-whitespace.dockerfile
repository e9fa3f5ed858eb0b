# rule: §5 legacy form: the key is the text before the first whitespace run of ARGS, even inside quotes or after an escape
ENV "a b" c
ENV a\ b c
