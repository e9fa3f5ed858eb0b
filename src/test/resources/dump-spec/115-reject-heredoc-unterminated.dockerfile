# rule: §7 an unterminated heredoc (end of file before the terminator)
FROM a
RUN <<EOF
echo body
 EOF
