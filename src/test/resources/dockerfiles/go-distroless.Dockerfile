ARG GO_VERSION=1.22
FROM golang:${GO_VERSION} AS builder
WORKDIR /go/src/app
COPY go.* ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /go/bin/app ./cmd/app

FROM builder AS test
RUN go vet ./... && go test -race -count=1 ./...

FROM golangci/golangci-lint:v1.59 AS lint
WORKDIR /app
COPY --from=builder /go/src/app .
RUN golangci-lint run --timeout 5m

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=builder /go/bin/app /
EXPOSE 9090/tcp
USER nonroot:nonroot
ENTRYPOINT ["/app"]
