# rule: §4.4 inside a continuation comment lines are dropped and do not end it
RUN echo a \
# comment
    # indented comment
  b \
#comment \
  c
