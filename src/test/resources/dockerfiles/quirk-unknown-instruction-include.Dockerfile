# syntax = edrevo/dockerfile-plus

# INCLUDE+ is not a Dockerfile instruction; the dockerfile-plus frontend
# expands it before the standard parser ever sees the result.
FROM python:3.11-slim AS base

INCLUDE+ docker/common.Dockerfile

WORKDIR /srv/reports
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .

INCLUDE+ docker/observability.Dockerfile

EXPOSE 8000
CMD ["python", "-m", "reports"]
