# rule: §4.5 heredoc body lines are never instructions, comments or directives, and bodies are not dumped
FROM a
RUN <<EOF
FROM this-is-body
# not a comment
# escape=`
RUN echo \

EOF
USER b
