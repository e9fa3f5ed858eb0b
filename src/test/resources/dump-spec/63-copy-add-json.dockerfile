# rule: §5 ADD/COPY in JSON form: the array elements are the args
COPY ["a b", "c d/"]
ADD --chown=1 [ "x" , "/y z" ]
COPY ["only"]
