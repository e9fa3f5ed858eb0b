FROM python:3.11-slim

LABEL org.opencontainers.image.title="acme/python-onbuild" \
      org.opencontainers.image.version="3.11"

RUN apt-get update && apt-get install -y --no-install-recommends tini \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 app

WORKDIR /app
ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1

ONBUILD ARG APP_ENV=production
ONBUILD ENV APP_ENV=${APP_ENV}
ONBUILD COPY requirements.txt /app/
ONBUILD RUN pip install -r /app/requirements.txt
ONBUILD COPY --chown=app:app . /app
onbuild workdir /app
ONBUILD HEALTHCHECK --interval=30s --timeout=5s CMD python -m app.healthcheck
ONBUILD USER 1000:1000

ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "app"]
