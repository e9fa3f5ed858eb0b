FROM ubuntu:22.04
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        git \
        python3 \
        shellcheck \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /build
COPY --chmod=755 scripts/ /build/scripts/
CMD ["/build/scripts/run-ci.sh"]
LABEL org.opencontainers.image.source="https://github.com/acme/ci-runner" \
      org.opencontainers.image.licenses="MIT" \