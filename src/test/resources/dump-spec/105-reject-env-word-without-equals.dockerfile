# rule: §7 ENV = form with a word lacking = (ENV a=b c)
ENV a=b c
