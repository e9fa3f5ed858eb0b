# rule: §4.5 heredocs are only recognised for RUN, COPY and ADD
CMD cat <<EOF
USER b
EOF
