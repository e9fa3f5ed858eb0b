# rule: §3 non-printable U+00A0 no-break space is printed as \u00a0
USER a b
RUN echo x y
