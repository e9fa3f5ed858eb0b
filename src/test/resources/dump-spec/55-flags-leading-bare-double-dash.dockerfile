# rule: §4.6 a bare -- as the first word is dropped and leaves no flags
RUN -- echo
CMD --
USER -- --me
