# syntax=docker/dockerfile:1.7
FROM python:3.12-slim AS base

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONUNBUFFERED=1
WORKDIR /srv

# Keep downloaded .debs between builds
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
    rm -f /etc/apt/apt.conf.d/docker-clean \
    && apt-get update \
    && apt-get install -y --no-install-recommends git

RUN --mount=type=cache,target=/root/.cache/pip \
    --mount=type=bind,source=requirements.txt,target=/tmp/requirements.txt \
    python -m pip install -r /tmp/requirements.txt

COPY . .
RUN --mount=type=cache,target=/root/.cache/pip python -m pip install --no-deps -e .

EXPOSE 5000
CMD ["python", "-m", "flask", "--app", "api", "run", "--host=0.0.0.0"]
