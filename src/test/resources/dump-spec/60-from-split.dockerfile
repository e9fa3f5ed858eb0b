# rule: §5 FROM: ARGS split at runs of [ \t\v\f\r], each piece one arg (quotes not special)
FROM   golang:1.22   AS	build
from --platform=$BUILDPLATFORM a:b as c
FROM "quoted name" x
