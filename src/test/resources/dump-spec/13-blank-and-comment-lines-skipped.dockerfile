# rule: §4.3 empty/whitespace-only lines and comment lines (first non-whitespace character #) are skipped

FROM a
   
	
# comment
    # indented comment
	# tab-indented comment
# a comment line ending in the escape character does not continue \
RUN b
#RUN c
