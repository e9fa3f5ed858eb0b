# rule: §4.4 a line that is only the escape character, plus optional spaces/tabs, also continues
RUN echo a \
\
\  
b
