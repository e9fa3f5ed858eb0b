# rule: §4.3 a # anywhere else is ordinary text (RUN echo # hi keeps # hi)
RUN echo # hi
FROM a # b
ENV k v # c
USER #me
