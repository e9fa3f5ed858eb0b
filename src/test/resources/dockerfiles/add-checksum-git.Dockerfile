# syntax=docker/dockerfile:1
FROM debian:bookworm-slim AS sources

# Pinned remote tarball, verified by BuildKit before it is added
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d \
    https://mirrors.edge.kernel.org/pub/linux/kernel/Historic/linux-0.01.tar.gz /usr/src/

# Git sources added directly, no git binary needed in the image
ADD https://github.com/moby/buildkit.git#v0.14.1 /src/buildkit
ADD --keep-git-dir=true https://github.com/acme/protos.git#main:proto /src/protos

FROM golang:1.22 AS build
COPY --from=sources /src/buildkit /go/src/github.com/moby/buildkit
WORKDIR /go/src/github.com/moby/buildkit
RUN CGO_ENABLED=0 go build -o /out/buildctl ./cmd/buildctl

FROM debian:bookworm-slim
ADD --chmod=755 --checksum=sha256:c5b0f5a9e6f52c7a1b2e4d58e6a3f4b1b0d9a3c7e2f1d4c8b6a5e9f0d3c2b1a4 \
    https://github.com/krallin/tini/releases/download/v0.19.0/tini-static /tini
COPY --from=build /out/buildctl /usr/local/bin/buildctl
COPY --from=sources /src/protos /usr/share/acme/protos
ENTRYPOINT ["/tini", "--", "buildctl"]
CMD ["--help"]
