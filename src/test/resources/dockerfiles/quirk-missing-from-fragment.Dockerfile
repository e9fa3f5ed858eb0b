# docker/common.Dockerfile
# Fragment pulled in with INCLUDE+ from the service Dockerfiles.
# It intentionally has no FROM line of its own.

ENV TZ=UTC \
    LANG=C.UTF-8 \
    PYTHONDONTWRITEBYTECODE=1

RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl tzdata \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --gid 10001 svc && useradd --uid 10001 --gid svc --no-create-home svc

COPY --chown=svc:svc docker/entrypoint.sh /usr/local/bin/entrypoint.sh
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
USER svc
