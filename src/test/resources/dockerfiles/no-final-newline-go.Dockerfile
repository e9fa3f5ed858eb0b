FROM golang:1.22-alpine AS build
RUN apk add --no-cache git make
WORKDIR /go/src/gh-sync
COPY . .
RUN make build VERSION=$(git describe --tags --always)

FROM alpine:3.20
RUN apk add --no-cache ca-certificates git openssh-client
COPY --from=build /go/src/gh-sync/bin/gh-sync /usr/local/bin/gh-sync
USER 1000
ENTRYPOINT ["/usr/local/bin/gh-sync"]