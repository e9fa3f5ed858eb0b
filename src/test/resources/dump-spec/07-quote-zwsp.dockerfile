# rule: §3 non-printable U+200B (and U+00AD) are printed as \uXXXX
RUN echo a​b
USER x­y
