# rule: §4.5 NAME must contain no < so <<<EOF is not a heredoc
RUN cat <<<EOF
USER b
EOF
