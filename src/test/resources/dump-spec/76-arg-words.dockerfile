# rule: §5 ARG: ARGS split into words, each word one arg, quotes kept; "" alone is a word
ARG VERSION TAG=latest
ARG a="1 2" b='3 4' c=x\ y
ARG ""
ARG d	e
