# rule: §4.5 several heredocs on one line: bodies follow in order, each up to its own terminator
COPY <<A <<B /dst/
B
A
A
B
RUN x
