# rule: §4.4 the escape character may be followed by spaces/tabs; they are removed with it
RUN a \  
b \	 
c
