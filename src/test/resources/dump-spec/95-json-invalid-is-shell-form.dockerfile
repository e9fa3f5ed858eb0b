# rule: §6 text that does not parse as JSON (single quotes, missing ], trailing text, trailing comma) is shell form
RUN ['a', 'b']
CMD ["a", "b"
ENTRYPOINT ["a"] extra
SHELL ["a",]
COPY ['a', 'b']
