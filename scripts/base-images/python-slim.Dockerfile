# Stand-in for python:3.11-slim, built by scripts/build-base-images.sh FROM the local
# debian:bookworm-slim stand-in (no registry is reachable, nothing can be pulled).
# Its Python is Debian bookworm's python3 (3.11); the script also tags it python:3.10-slim.
FROM debian:bookworm-slim

ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8
# Debian's python3 marks its site-packages as managed by apt (PEP 668, the file
# /usr/lib/python3.11/EXTERNALLY-MANAGED), so a plain `pip install` run as root fails with
# "externally-managed-environment". The official image's Python lives in /usr/local and has
# no such marker; this lets a Dockerfile's `pip install` work as it does there (packages go
# to /usr/local/lib/python3.11/dist-packages).
ENV PIP_BREAK_SYSTEM_PACKAGES=1

# ca-certificates, netbase and tzdata are in the official slim image too. No recommends:
# python3-pip's would pull in the whole build toolchain, which belongs to python:3.11.
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends \
        ca-certificates netbase tzdata \
        python3 python3-pip python3-venv; \
    rm -rf /var/lib/apt/lists/*; \
    for name in python python3; do ln -sf /usr/bin/python3 "/usr/local/bin/$name"; done; \
    for name in pip pip3; do ln -sf /usr/bin/pip3 "/usr/local/bin/$name"; done; \
    python --version; python3 --version; pip --version; pip3 --version

LABEL dev.slimlab.fixture=true \
      dev.slimlab.fixture.stand-in-for=python:3.11-slim
CMD ["python3"]
