# rule: §7 a valid JSON array containing a non-string (RUN ["a", ["b"]])
RUN ["a", ["b"]]
