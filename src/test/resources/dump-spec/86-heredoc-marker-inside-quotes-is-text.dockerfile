# rule: §4.5 shell words keep their quotes, so a quoted "<<EOF" word does not match [digits]<<NAME
RUN echo "<<EOF" '<<END'
USER b
EOF
