# rule: §4.5 [digits]<<NAME opens a heredoc (3<<EOF)
RUN 3<<EOF cat /dev/fd/3
FROM body
EOF
USER b
