# syntax=docker/dockerfile:1
# The BOM above comes before the parser directive; BuildKit strips it.
ARG GO_VERSION=1.22
FROM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -ldflags "-s -w" -o /bin/webhook-relay .

FROM gcr.io/distroless/base-debian12
COPY --from=build /bin/webhook-relay /bin/webhook-relay
EXPOSE 9000
ENTRYPOINT ["/bin/webhook-relay"]
