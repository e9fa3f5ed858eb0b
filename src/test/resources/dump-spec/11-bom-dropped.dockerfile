FROM a
# rule: §4.1 a UTF-8 BOM at the start of the file is dropped
RUN b
