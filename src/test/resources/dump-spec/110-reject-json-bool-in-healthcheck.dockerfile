# rule: §7 a valid JSON array containing a non-string also fails for HEALTHCHECK CMD
HEALTHCHECK CMD ["a", true]
