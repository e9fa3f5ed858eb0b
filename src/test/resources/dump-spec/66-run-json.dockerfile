# rule: §5 RUN JSON form: its elements are the args; [] gives no args
RUN ["sh", "-c", "echo hi"]
RUN [ "a" ]
RUN []
RUN ["a b", "", "c"]
