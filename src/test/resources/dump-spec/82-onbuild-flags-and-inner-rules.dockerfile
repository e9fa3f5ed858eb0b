# rule: §5 ONBUILD: flags after the inner keyword belong to the inner instruction; flags before it to ONBUILD
ONBUILD --x RUN --mount=type=cache,target=/c make
ONBUILD RUN
ONBUILD ENV a=1 b="2 3"
ONBUILD HEALTHCHECK --interval=1s NONE
