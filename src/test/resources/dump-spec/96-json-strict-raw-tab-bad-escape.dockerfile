# rule: §6 strict JSON: a raw control character or an unknown escape inside a string makes it not JSON
CMD ["a	b"]
RUN ["x\q"]
