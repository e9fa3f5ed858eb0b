FROM debian:bookworm-slim

    # an indented comment at top level
RUN apt-get update \
    # install the toolchain
    && apt-get install -y --no-install-recommends \
        gcc \
        # libc headers are needed by cgo
        libc6-dev \

        make \   
        pkg-config \	
   
        # old: libssl1.1 \
        libssl-dev \ 
    && rm -rf /var/lib/apt/lists/*

  ENV CFLAGS="-O2 -pipe" \
      # comment between ENV continuation lines
      LDFLAGS="-Wl,-O1"

RUN groupadd -r builder && \
    useradd -r -m -g builder builder && \
    mkdir -p /src /out && \
    chown -R builder:builder /src /out && \
    ln -sf /usr/bin/gcc /usr/local/bin/cc && \
    gcc --version && \
    make --version && \
    pkg-config --version && \
    echo "toolchain ready"

    WORKDIR /src
    COPY --chown=builder:builder . .
    USER builder
RUN make -j"$(nproc)" \
        CFLAGS="$CFLAGS" \
        LDFLAGS="$LDFLAGS" \
    && make install PREFIX=/out \
    && ls -la /out/bin

CMD ["/out/bin/imgconv", "--help"]
