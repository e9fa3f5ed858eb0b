# rule: §5 HEALTHCHECK: first arg = text up to the first whitespace, the rest handled like CMD
HEALTHCHECK NONE
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
HEALTHCHECK CMD ["curl", "-f", "http://x/"]
