# rule: §4.4 only an escape character at the end of the line continues it; elsewhere it is text
RUN echo a\ b
USER a\ b
