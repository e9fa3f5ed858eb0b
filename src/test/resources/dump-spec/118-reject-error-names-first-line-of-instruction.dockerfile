# rule: §7 ENV = form with a word lacking =, the instruction spanning a continuation
FROM a
ENV a=b \
    c
