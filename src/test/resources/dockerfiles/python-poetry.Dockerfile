# syntax=docker/dockerfile:1
ARG PYTHON_VERSION=3.11

FROM python:${PYTHON_VERSION}-slim AS builder

ENV POETRY_VERSION=1.8.3 \
    POETRY_VIRTUALENVS_IN_PROJECT=true \
    POETRY_NO_INTERACTION=1 \
    POETRY_CACHE_DIR=/tmp/poetry_cache

RUN python -m pip install --no-cache-dir "poetry==${POETRY_VERSION}"

WORKDIR /src
COPY pyproject.toml poetry.lock ./
RUN --mount=type=cache,target=/tmp/poetry_cache \
    poetry install --only main --no-root

COPY src/ ./src/
COPY README.md ./
RUN poetry install --only main

FROM python:${PYTHON_VERSION}-slim AS runtime

RUN useradd --create-home --uid 10001 appuser
WORKDIR /src
COPY --from=builder --chown=appuser:appuser /src /src
ENV VIRTUAL_ENV=/src/.venv \
    PATH="/src/.venv/bin:$PATH"

USER appuser
EXPOSE 8080
ENTRYPOINT ["uvicorn", "myservice.main:app"]
CMD ["--host", "0.0.0.0", "--port", "8080"]
