# rule: §5 MAINTAINER/USER/WORKDIR/STOPSIGNAL: ARGS as one arg, verbatim (no JSON)
MAINTAINER Jane Doe <jane@example.com>
USER app:app
WORKDIR /path with  spaces/"q"
STOPSIGNAL SIGTERM
USER ["a"]
