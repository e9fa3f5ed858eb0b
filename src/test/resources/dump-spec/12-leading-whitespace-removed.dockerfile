# rule: §4.3 leading whitespace of the first physical line of an instruction is removed
   RUN echo a
	FROM b
  	  USER  c
