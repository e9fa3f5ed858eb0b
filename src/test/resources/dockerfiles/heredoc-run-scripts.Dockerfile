# syntax=docker/dockerfile:1.4
FROM ubuntu:22.04

ARG DEBIAN_FRONTEND=noninteractive

RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl ca-certificates jq
rm -rf /var/lib/apt/lists/*
EOF

RUN <<EOF bash
set -euo pipefail
for dir in /opt/app /var/log/app /var/run/app; do
  mkdir -p "$dir"
  chown 1000:1000 "$dir"
done
EOF

# A heredoc that starts with a shebang is executed as a script
RUN <<EOT
#!/usr/bin/env bash
set -euo pipefail
# this comment belongs to the script, not to the Dockerfile
echo "built on $(uname -m) at $(date -u +%FT%TZ)" > /etc/build-info
EOT

RUN --network=none <<'SCRIPT'
cat > /usr/local/bin/healthcheck <<'INNER'
#!/bin/sh
curl -fsS "http://127.0.0.1:${PORT:-8080}/ready" > /dev/null
INNER
chmod 0755 /usr/local/bin/healthcheck
SCRIPT

WORKDIR /opt/app
COPY --chown=1000:1000 dist/ ./
USER 1000:1000
HEALTHCHECK --interval=15s CMD ["/usr/local/bin/healthcheck"]
CMD ["./start.sh"]
