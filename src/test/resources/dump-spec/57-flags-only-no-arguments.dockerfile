# rule: §2 flags with no remaining arguments print as (<cmd> [flags])
RUN --network=none
USER --x
FROM --platform=linux/amd64
