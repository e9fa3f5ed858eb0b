# rule: §4.4 inside a continuation empty or whitespace-only lines are dropped and do not end it
RUN echo a \

   
	
b
USER c
