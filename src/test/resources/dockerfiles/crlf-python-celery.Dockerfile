# syntax=docker/dockerfile:1
# Celery worker image (CRLF line endings, including the heredoc body)
ARG PY=3.11
FROM python:${PY}-slim

ENV PYTHONUNBUFFERED=1 \
    C_FORCE_ROOT=false

WORKDIR /worker
COPY requirements.txt .
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install -r requirements.txt

RUN <<EOF
set -e
useradd --create-home --uid 1001 celery
mkdir -p /var/run/celery /var/log/celery
chown celery:celery /var/run/celery /var/log/celery
EOF

COPY --chown=celery:celery tasks/ ./tasks/
USER celery
CMD ["celery", "-A", "tasks", "worker", "--loglevel=INFO", "--concurrency=4"]
