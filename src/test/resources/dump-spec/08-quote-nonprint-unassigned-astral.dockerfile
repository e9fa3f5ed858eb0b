# rule: §3 unassigned code points -> \uXXXX; non-printable above U+FFFF -> \UXXXXXXXX
USER a͸b
RUN echo 󠀁x
