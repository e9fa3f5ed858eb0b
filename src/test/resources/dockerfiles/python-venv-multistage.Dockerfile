ARG PY=3.10
ARG DEBIAN_RELEASE=bookworm

FROM python:${PY}-slim-${DEBIAN_RELEASE} AS build
RUN apt-get update && apt-get install -y gcc libffi-dev && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:${PATH}"
COPY requirements.txt requirements-dev.txt /tmp/
RUN python -m pip install --upgrade pip wheel setuptools \
 && python -m pip install -r /tmp/requirements.txt

FROM build AS test
RUN python -m pip install -r /tmp/requirements-dev.txt
WORKDIR /code
COPY . .
RUN python -m pytest -q

FROM python:${PY}-slim-${DEBIAN_RELEASE} AS final
ARG PY
LABEL org.opencontainers.image.title="billing-worker" \
      org.opencontainers.image.source="https://github.com/example/billing-worker" \
      python.version="${PY}"
COPY --from=build /opt/venv /opt/venv
ENV PATH="/opt/venv/bin:${PATH}" \
    PYTHONUNBUFFERED=1
WORKDIR /code
COPY billing/ ./billing/
USER 1000:1000
CMD ["python", "-m", "billing.worker"]
