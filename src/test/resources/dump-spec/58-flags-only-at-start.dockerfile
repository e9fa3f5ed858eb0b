# rule: §4.6 flags are only taken while the argument text starts with a word beginning with --
RUN -x --y
RUN echo --x
FROM a --platform=b
