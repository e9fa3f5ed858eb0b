# rule: §3 U+0007-U+000D are printed as \a \b \f \v \r (\t and \n elsewhere)
RUN xy
USER pq
