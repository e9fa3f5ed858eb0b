# rule: §4.6 the keyword is everything up to the first run of [ \t\v\f\r]
RUN	echo	a
FROMbc
USER 	 d
