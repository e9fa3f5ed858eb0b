# rule: §4.6 the logical line is trimmed, so trailing whitespace is not part of the arguments
USER bob   
WORKDIR /x 	
RUN echo a  	  
