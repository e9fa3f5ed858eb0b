# Stand-in for the full python:3.11 image, built by scripts/build-base-images.sh FROM the
# local python:3.11-slim stand-in: the same Python (Debian bookworm's python3, 3.11) plus a
# build toolchain and the -dev headers that the official image inherits from buildpack-deps,
# so gcc, libpq-dev, git and curl "come with the image" as they do there. The script also
# tags it python:3.10.
FROM python:3.11-slim

# The slim stand-in tells dpkg to leave out docs, man pages and translations, as the real
# slim image does; the full image keeps them, so packages installed on top of it here (and
# by the Dockerfiles built FROM it) keep theirs too.
RUN rm -f /etc/dpkg/dpkg.cfg.d/docker-slim

# Roughly buildpack-deps:bookworm (curl, scm and the build headers), without ImageMagick.
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends \
        build-essential python3-dev pkg-config autoconf automake libtool file patch \
        git curl wget gnupg dirmngr openssh-client procps unzip xz-utils bzip2 \
        libpq-dev libffi-dev libssl-dev zlib1g-dev libbz2-dev liblzma-dev \
        libsqlite3-dev libreadline-dev libncurses-dev libxml2-dev libxslt1-dev \
        libyaml-dev libjpeg-dev libpng-dev libcurl4-openssl-dev; \
    rm -rf /var/lib/apt/lists/*; \
    gcc --version; git --version; curl --version

LABEL dev.slimlab.fixture=true \
      dev.slimlab.fixture.stand-in-for=python:3.11
CMD ["python3"]
