# rule: §4.5 the terminator is NAME with shell quotes removed (<<"EOF", <<'EOF')
RUN <<"EOF"
body $x
"EOF"
EOF
COPY <<'END' /x
body
END
USER b
