# rule: §4.6 flags are extracted for HEALTHCHECK too (--interval=...)
HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD ["/bin/check"]
HEALTHCHECK --interval=5s NONE
