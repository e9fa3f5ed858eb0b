# rule: §4.4 no separator is added when joining: a\ + b -> ab
RUN a\
b
COPY x\
y z
