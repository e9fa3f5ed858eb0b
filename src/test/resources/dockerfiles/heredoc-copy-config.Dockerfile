# syntax=docker/dockerfile:1
FROM python:3.12-alpine

ARG APP_PORT=8080

COPY <<EOF /etc/app/config.toml
# generated at build time
[server]
host = "0.0.0.0"
port = ${APP_PORT}

[database]
url = "sqlite:////data/app.db"
EOF

COPY <<robots.txt <<humans.txt /usr/share/www/
User-agent: *
Disallow: /admin/
robots.txt
/* TEAM */
Developer: Jane Doe
Location: Lisbon
humans.txt

RUN python3 <<'PY'
import json, pathlib
info = {"built_by": "docker", "note": "$HOME is not expanded here"}
pathlib.Path("/etc/app/build-info.json").write_text(json.dumps(info, indent=2))
PY

RUN <<FILE1 cat > /tmp/first.txt && <<FILE2 cat > /tmp/second.txt
I am
first
FILE1
I am
second
FILE2

COPY --chmod=0755 <<"EOF" /usr/local/bin/entrypoint.sh
#!/bin/sh
set -e
exec python3 -m http.server "${APP_PORT:-8080}" --directory /usr/share/www
EOF

EXPOSE ${APP_PORT}
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
