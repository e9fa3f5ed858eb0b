FROM python:3.12-slim-bookworm

ENV PLAYWRIGHT_BROWSERS_PATH=/ms-playwright \
    PYTHONUNBUFFERED=1

WORKDIR /e2e

COPY requirements-e2e.txt .
RUN pip install --no-cache-dir -r requirements-e2e.txt \
    && python -m playwright install --with-deps chromium firefox \
    && rm -rf /var/lib/apt/lists/*

COPY tests/ ./tests/
COPY pytest.ini conftest.py ./

RUN useradd -m pwuser && chown -R pwuser /e2e /ms-playwright
USER pwuser

ENTRYPOINT ["pytest"]
CMD ["--browser", "chromium", "--tracing", "retain-on-failure", "tests/"]
