# rule: §4.4 a line ending in two escape characters (foo\\) does not continue
RUN echo foo\\
USER b
