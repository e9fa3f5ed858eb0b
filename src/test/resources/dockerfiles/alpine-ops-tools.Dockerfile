FROM alpine:3.20

ARG KUBECTL_VERSION=v1.30.2
ARG TARGETARCH=amd64

RUN apk add --no-cache \
        bash \
        curl \
        jq \
        git \
        openssh-client \
        ca-certificates \
    && apk add --no-cache --virtual .fetch-deps coreutils \
    && curl -fsSLo /usr/local/bin/kubectl "https://dl.k8s.io/release/${KUBECTL_VERSION}/bin/linux/${TARGETARCH}/kubectl" \
    && chmod +x /usr/local/bin/kubectl \
    && apk del .fetch-deps

RUN addgroup -S ops && adduser -S -G ops -h /home/ops ops
COPY --chmod=0755 scripts/*.sh /usr/local/bin/
USER ops
WORKDIR /home/ops
ENTRYPOINT ["/bin/bash"]
