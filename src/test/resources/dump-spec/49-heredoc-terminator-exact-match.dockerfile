# rule: §4.5 a body ends only at a line that equals its terminator exactly
RUN <<EOF
 EOF
EOF 
	EOF
eof
"EOF"
EOF
USER b
