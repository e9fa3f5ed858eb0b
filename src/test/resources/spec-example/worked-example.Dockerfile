# syntax=docker/dockerfile:1

from --platform=$BUILDPLATFORM golang:1.22 AS build
WORKDIR   /src/app  
COPY --chown=1000:1000 --chmod=755 go.mod go.sum ./
RUN --mount=type=cache,target=/root/.cache \
    go build \
# a comment inside a continuation
    -o /out/app .
ENV PORT 8080
ENV A=1 B="two words" C=x\ y
LABEL "com.example.vendor"="ACME Inc"
ARG VERSION TAG=latest
EXPOSE 80/tcp  443
CMD ["app", "--port=8080", "tab\there", "é"]
ENTRYPOINT exec app "$@"
HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1
HEALTHCHECK NONE
ONBUILD COPY --from=build /out/app /usr/bin/app
ONBUILD RUN ["make", "install"]
VOLUME ["/data", "/logs"]
RUN <<EOF
apt-get update
FROM this-is-heredoc-body
EOF
COPY <<-EOT /etc/motd
	hello
	EOT
FOOBAR some unknown instruction
RUN [ "echo", "unterminated
CMD []
ADD [ "a b", "/c d/" ]
