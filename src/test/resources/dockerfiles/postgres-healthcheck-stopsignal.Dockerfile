FROM postgres:16-bookworm AS base

ENV PGDATA=/var/lib/postgresql/data/pgdata
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-16-pgvector postgresql-16-cron \
    && rm -rf /var/lib/apt/lists/*

COPY initdb/ /docker-entrypoint-initdb.d/
COPY --chown=postgres:postgres postgresql.conf /etc/postgresql/postgresql.conf

VOLUME /var/lib/postgresql/data
STOPSIGNAL SIGINT
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD ["pg_isready", "-U", "postgres", "-d", "postgres"]

USER postgres
EXPOSE 5432
CMD ["postgres", "-c", "config_file=/etc/postgresql/postgresql.conf"]

# CI variant: no health checks, durability off for speed
FROM base AS ci
HEALTHCHECK NONE
CMD ["postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
