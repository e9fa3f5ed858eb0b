# rule: §4.5 heredocs are also recognised for RUN/COPY/ADD as the instruction inside ONBUILD
ONBUILD RUN <<EOF
FROM body
EOF
USER b
