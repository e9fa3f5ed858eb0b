# syntax=docker/dockerfile:1
FROM ubuntu:24.04 AS base
RUN groupadd --gid 1500 app \
    && useradd --uid 1500 --gid app --create-home --shell /bin/bash app

FROM base
COPY --chown=app:app --chmod=755 bin/entrypoint.sh /usr/local/bin/entrypoint.sh
COPY --chown=1500:1500 config/ /etc/myapp/
COPY --chmod=644 --link certs/*.pem /usr/local/share/ca-certificates/
COPY ["docs/READ ME.md", "docs/CHANGELOG.md", "/usr/share/doc/myapp/"]
COPY --chown=app ["release notes.txt", "/home/app/"]
ADD --chown=app:app vendor.tar.gz /opt/myapp/
COPY --from=busybox:1.36-musl /bin/busybox /bin/busybox

RUN update-ca-certificates

WORKDIR /home/app
USER app
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
CMD ["serve"]
