# rule: §5 words: inside '...' the escape character has no effect
ENV A='x\' B=c
LABEL k='a b\n'
