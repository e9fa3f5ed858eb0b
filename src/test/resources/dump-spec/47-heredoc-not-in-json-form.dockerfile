# rule: §4.5 heredocs are only recognised in shell (non-JSON) form
RUN ["cat", "<<EOF"]
USER b
EOF
