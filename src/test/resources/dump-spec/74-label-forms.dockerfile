# rule: §5 LABEL uses the same key/value rules as ENV
LABEL "com.example.vendor"="ACME Inc"
LABEL version=1.0 description="multi \
word"
LABEL maintainer me@example.com
