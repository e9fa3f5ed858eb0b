# rule: §7 a valid JSON array containing a non-string (CMD ["sh", 1])
FROM a
RUN x
CMD ["sh", 1]
