# rule: §5 ENV legacy form: key = text before the first whitespace run, value = the rest verbatim, third arg ""
ENV PORT 8080
ENV PATH   /a:/b   c  d
ENV A	x=y
ENV B "quoted value"
