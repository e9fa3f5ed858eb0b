# rule: §7 an unterminated heredoc: the second of two heredocs on one line never ends
COPY <<A <<B /x
a
A
b
