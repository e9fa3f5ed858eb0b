# rule: §2 flags print as a Go %q []string: ["--a" "--b"], each quoted, one space apart
COPY --from=build --chown=1:1 --chmod=755 a b
