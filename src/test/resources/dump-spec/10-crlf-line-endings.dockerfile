# rule: §4.1 all trailing \r/\n characters are removed from each physical line (CRLF behaves like LF)
FROM a
RUN echo b \
  c
USER d
