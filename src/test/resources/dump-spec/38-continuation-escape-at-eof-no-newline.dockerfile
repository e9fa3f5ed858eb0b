# rule: §4.1/§4.4 last line without a final newline, ending in the escape character
FROM a
RUN echo hi\