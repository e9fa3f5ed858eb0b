# rule: §5 ADD/COPY not in JSON form are split like FROM (quotes and escapes not special)
COPY a  b	c   /dst/
ADD "a b" c
COPY --chown=1:1 x\ y z
ADD http://example.com/f.tgz /
