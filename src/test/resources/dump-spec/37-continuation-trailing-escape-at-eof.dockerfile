# rule: §4.4 end of file ends a continuation (a trailing escape on the last line is simply removed)
FROM a
RUN echo hi \
# trailing comment

