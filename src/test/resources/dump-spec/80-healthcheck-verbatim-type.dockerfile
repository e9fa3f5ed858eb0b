# rule: §5 HEALTHCHECK first arg keeps its case verbatim; rest after the whitespace like CMD, nothing if empty
HEALTHCHECK none
HEALTHCHECK cmd   echo   ok
HEALTHCHECK CMD
HEALTHCHECK CMD []
HEALTHCHECK Cmd	true
HEALTHCHECK FOO bar baz
