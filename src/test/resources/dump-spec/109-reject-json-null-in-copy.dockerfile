# rule: §7 a valid JSON array containing a non-string also fails for COPY
COPY ["a", null]
