FROM python:3.11-slim

WORKDIR /opt/scraper

RUN apt-get update && apt-get install -y --no-install-recommends \
        libxml2 \
        libxslt1.1 \
    && rm -rf /var/lib/apt/lists/*

COPY requirements.txt .
RUN python -m pip install --no-cache-dir -r requirements.txt

COPY scraper/ ./scraper/
ENV SCRAPER_CONCURRENCY=8 SCRAPER_USER_AGENT="acme-bot/1.0 (+https://example.com/bot)"
USER nobody
ENTRYPOINT ["python", "-m", "scraper"]
CMD ["--help"]
