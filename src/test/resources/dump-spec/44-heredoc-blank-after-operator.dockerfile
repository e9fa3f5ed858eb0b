# rule: §4.5 << followed by blanks is joined to the next word (<< EOF opens a heredoc)
RUN cat << EOF
FROM body
EOF
COPY << END /x
body
END
USER b
