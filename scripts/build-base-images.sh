#!/usr/bin/env bash
# Builds local stand-ins for the base images that SlimLab's samples and Docker integration
# tests start FROM, on machines that reach no container registry (nothing can be pulled):
#
#   debian:bookworm-slim   debootstrap --variant=minbase bookworm, trimmed as the real slim
#                          image is (docs, man pages, translations, apt lists and caches)
#   debian:bookworm        the same tree untrimmed (docs, man pages and translations kept)
#   python:3.11-slim       FROM debian:bookworm-slim + Debian's python3, pip and venv
#                          (scripts/base-images/python-slim.Dockerfile)
#   python:3.11            FROM python:3.11-slim + build toolchain, -dev headers, git, curl
#                          (scripts/base-images/python.Dockerfile)
#   python:3.10-slim       another tag of python:3.11-slim  } stand-ins for the tags the
#   python:3.10            another tag of python:3.11       } samples use: their Python is 3.11
#
# The Debian images are made with debootstrap and `docker import`; the Python ones with
# `docker build` (classic builder) FROM them, apt-get reaching the Debian mirror. Every image
# carries the label dev.slimlab.fixture=true (and images built FROM them inherit it).
#
# Only missing images are built, so running it again is cheap; --force rebuilds them all.
# Runs as root (debootstrap needs it): sudo scripts/build-base-images.sh [--force]
#
# Environment: SLIMLAB_DEBIAN_MIRROR and SLIMLAB_DEBIAN_SECURITY_MIRROR; by default the
# mirrors this machine's own apt sources use.
set -euo pipefail

# The first URI of this machine's apt sources whose path ends in $1 ("/debian", "/debian-security").
host_apt_uri() {
    { cat /etc/apt/sources.list.d/*.sources 2>/dev/null | sed -n 's/^URIs:[[:space:]]*//p' | tr ' ' '\n'
      cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]*\).*/\2/p'
    } | grep -E "$1/?\$" | head -n 1 || true  # no match is an empty answer, not a failure
}

SUITE=bookworm
MIRROR="${SLIMLAB_DEBIAN_MIRROR:-$(host_apt_uri /debian)}"
SECURITY_MIRROR="${SLIMLAB_DEBIAN_SECURITY_MIRROR:-$(host_apt_uri /debian-security)}"
if [[ -z "$MIRROR" ]]; then
    echo "build-base-images: no Debian mirror in this machine's apt sources; set SLIMLAB_DEBIAN_MIRROR" >&2
    exit 1
fi
FIXTURE_LABEL="dev.slimlab.fixture=true"
DEBIAN_PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DOCKERFILES_DIR="$SCRIPT_DIR/base-images"

# The classic builder: the one Docker Engine 20.10 serves, and no buildx needed.
export DOCKER_BUILDKIT=0
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

FORCE=false
VERBOSE=false

usage() {
    cat <<EOF
Usage: $(basename "$0") [--force] [--verbose]

Builds local stand-in base images (debian:bookworm-slim, debian:bookworm, python:3.11-slim,
python:3.11, and the tags python:3.10-slim and python:3.10 of the Python ones) for machines
without registry access. Images that already exist are left alone.

  --force     rebuild every image, even those that exist
  --verbose   stream debootstrap's and docker build's output (otherwise only on failure)
EOF
}

while (($#)); do
    case "$1" in
        --force) FORCE=true ;;
        --verbose | -v) VERBOSE=true ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
    shift
done

log() { printf '==> %s\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# Docker Engine's own client (Debian docker.io's /usr/bin/docker) when present.
docker_cli() {
    if [[ -x /usr/bin/docker ]]; then /usr/bin/docker "$@"; else docker "$@"; fi
}

image_id() {
    docker_cli image inspect --format '{{.Id}}' "$1" 2>/dev/null
}

image_exists() {
    docker_cli image inspect "$1" >/dev/null 2>&1
}

# Whether the image is one of ours (and so may be re-tagged), not a pulled one.
is_fixture() {
    [[ "$(docker_cli image inspect --format '{{index .Config.Labels "dev.slimlab.fixture"}}' "$1" 2>/dev/null)" == "true" ]]
}

needs_build() {
    [[ "$FORCE" == true ]] || ! image_exists "$1"
}

# Runs a command with its output in a log file (streamed too with --verbose). The log is
# deleted when the command succeeds; on failure its end is shown and the file kept.
run_logged() {
    local name="$1" logfile status=0
    shift
    logfile="$(mktemp "${TMPDIR:-/tmp}/slimlab-$name.XXXXXX.log")"
    if [[ "$VERBOSE" == true ]]; then
        "$@" 2>&1 | tee "$logfile" || status="${PIPESTATUS[0]}"
    else
        "$@" >"$logfile" 2>&1 || status=$?
    fi
    if ((status != 0)); then
        if [[ "$VERBOSE" != true ]]; then
            printf -- '--- last lines of %s ---\n' "$logfile" >&2
            tail -n 60 "$logfile" >&2 || true
        fi
        printf 'the whole log: %s\n' "$logfile" >&2
        return "$status"
    fi
    rm -f "$logfile"
}

human_seconds() {
    printf '%dm%02ds' $(($1 / 60)) $(($1 % 60))
}

docker_cli info >/dev/null 2>&1 || die "the Docker Engine does not answer (docker info failed); start it first, e.g. nohup dockerd >/tmp/dockerd.log 2>&1 &"

# One run at a time: two would debootstrap twice and race on the tags.
LOCK_FILE=/var/lock/slimlab-base-images.lock
[[ -w "$(dirname "$LOCK_FILE")" ]] || LOCK_FILE="${TMPDIR:-/tmp}/slimlab-base-images.lock"
exec 9>"$LOCK_FILE"
if command -v flock >/dev/null && ! flock -n 9; then
    log "another run holds $LOCK_FILE; waiting for it"
    flock 9
fi

START_SECONDS=$SECONDS
WORK_DIR=""
ROOTFS=""
SUMMARY=()
OLD_IDS=()

cleanup() {
    [[ -n "$WORK_DIR" && -d "$WORK_DIR" ]] || return 0
    # debootstrap mounts /proc and /sys in the tree while it works and may leave them
    # mounted when it fails: unmount before deleting, deepest first.
    local mountpoint
    while read -r mountpoint; do
        umount -l "$mountpoint" 2>/dev/null || true
    done < <(awk -v root="$WORK_DIR/" 'index($2, root) == 1 { print $2 }' /proc/mounts | sort -r)
    rm -rf --one-file-system "$WORK_DIR"
}
trap cleanup EXIT

# --- the Debian tree --------------------------------------------------------------------

# apt and dpkg settings the real Debian images carry (debuerreotype's minimizing config):
# the .deb files and pkgcache are deleted after each install, no translations are fetched,
# services are never started during a build. Without them an unoptimized Dockerfile would
# keep megabytes here that it does not keep on the real images, and skew the comparison.
minimize_config() {
    local root="$1"
    cat >"$root/etc/apt/apt.conf.d/docker-clean" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
    echo 'Acquire::Languages "none";' >"$root/etc/apt/apt.conf.d/docker-no-languages"
    echo 'Acquire::GzipIndexes "true";' >"$root/etc/apt/apt.conf.d/docker-gzip-indexes"
    echo 'Apt::AutoRemove::SuggestsImportant "false";' >"$root/etc/apt/apt.conf.d/docker-autoremove-suggests"
    echo 'force-unsafe-io' >"$root/etc/dpkg/dpkg.cfg.d/docker-apt-speedup"
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
    chmod 755 "$root/usr/sbin/policy-rc.d"

    # The sources of the real image: the release, its updates and security updates.
    rm -f "$root/etc/apt/sources.list"
    cat >"$root/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $MIRROR
Suites: $SUITE $SUITE-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    if [[ -n "$SECURITY_MIRROR" ]]; then
        cat >>"$root/etc/apt/sources.list.d/debian.sources" <<EOF

Types: deb
URIs: $SECURITY_MIRROR
Suites: $SUITE-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    fi

    # What debootstrap leaves behind that an image should not carry: the host's name and
    # resolver (Docker mounts its own), logs, apt lists and caches, backup files.
    : >"$root/etc/resolv.conf"
    : >"$root/etc/hostname"
    [[ ! -e "$root/etc/machine-id" ]] || : >"$root/etc/machine-id"
    rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin \
        "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/archives/partial/* \
        "$root"/var/cache/debconf/*-old "$root"/var/lib/dpkg/*-old "$root"/tmp/* "$root"/var/tmp/*
    find "$root/var/log" -type f -exec truncate -s 0 {} +
}

# What the real slim image leaves out (debuerreotype's slimify), and a dpkg config that
# keeps it out of every package installed later. Copyright files stay, for legal reasons.
slimify() {
    local root="$1"
    cat >"$root/etc/dpkg/dpkg.cfg.d/docker-slim" <<'EOF'
# The "slim" variant: files that containers rarely need are left out, now and by later
# installs. (Remove this file to install packages with their docs again.)
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
path-exclude /usr/share/man/*
EOF
    if [[ -d "$root/usr/share/doc" ]]; then
        find "$root/usr/share/doc" -xdev -mindepth 1 ! -type d ! -name copyright -delete
        find "$root/usr/share/doc" -xdev -mindepth 1 -depth -type d -empty -delete
    fi
    local dir
    for dir in groff info linda lintian man; do
        rm -rf "${root:?}/usr/share/${dir:?}"/*
    done
    if [[ -d "$root/usr/share/locale" ]]; then
        find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +
    fi
}

make_rootfs() {
    [[ "$(id -u)" -eq 0 ]] || die "debootstrap needs root: run sudo $0"
    if ! command -v debootstrap >/dev/null; then
        log "installing debootstrap"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap \
            || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap; } \
            || die "debootstrap is not installed and could not be installed"
    fi
    WORK_DIR="$(mktemp -d /var/tmp/slimlab-base-images.XXXXXX)"
    ROOTFS="$WORK_DIR/rootfs"
    local keyring=()
    [[ ! -r /usr/share/keyrings/debian-archive-keyring.gpg ]] \
        || keyring=(--keyring=/usr/share/keyrings/debian-archive-keyring.gpg)
    log "debootstrap --variant=minbase $SUITE from $MIRROR (about a minute)"
    local started=$SECONDS
    run_logged debootstrap \
        debootstrap --variant=minbase "${keyring[@]}" "$SUITE" "$ROOTFS" "$MIRROR" \
        || die "debootstrap failed (is $MIRROR reachable?)"
    minimize_config "$ROOTFS"
    log "debootstrap done in $(human_seconds $((SECONDS - started))) ($(du -sh --one-file-system "$ROOTFS" | cut -f1) on disk)"
}

import_rootfs() {
    local name="$1" started=$SECONDS old_id
    old_id="$(image_id "$name" || true)"
    log "docker import $name"
    tar --numeric-owner --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' \
        -C "$ROOTFS" -c . \
        | docker_cli import \
            --change "LABEL $FIXTURE_LABEL" \
            --change "LABEL dev.slimlab.fixture.stand-in-for=$name" \
            --change "ENV PATH=$DEBIAN_PATH" \
            --change 'CMD ["bash"]' \
            --message "SlimLab stand-in for $name: debootstrap --variant=minbase $SUITE" \
            - "$name" >/dev/null
    [[ -z "$old_id" || "$old_id" == "$(image_id "$name")" ]] || OLD_IDS+=("$old_id")
    SUMMARY+=("$name: imported in $(human_seconds $((SECONDS - started)))")
}

build_dockerfile() {
    local name="$1" dockerfile="$2" started=$SECONDS old_id
    old_id="$(image_id "$name" || true)"
    local options=(--tag "$name" --file "$DOCKERFILES_DIR/$dockerfile")
    [[ "$FORCE" != true ]] || options+=(--no-cache)
    log "docker build $name ($dockerfile)"
    run_logged "build-${name//[^a-z0-9.-]/-}" \
        docker_cli build "${options[@]}" "$DOCKERFILES_DIR" \
        || die "docker build of $name failed"
    [[ -z "$old_id" || "$old_id" == "$(image_id "$name")" ]] || OLD_IDS+=("$old_id")
    SUMMARY+=("$name: built in $(human_seconds $((SECONDS - started)))")
}

# python:3.10 and python:3.10-slim: the samples' tags, on the 3.11 stand-ins. Re-tagged when
# missing, on --force, or when they are our stand-ins but point at an older build; a real
# (pulled) image under that name is left alone.
alias_tag() {
    local alias="$1" target="$2"
    image_exists "$target" || return 0
    if ! image_exists "$alias" || [[ "$FORCE" == true ]] \
        || { is_fixture "$alias" && [[ "$(image_id "$alias")" != "$(image_id "$target")" ]]; }; then
        local old_id
        old_id="$(image_id "$alias" || true)"
        log "docker tag $target $alias (a stand-in: its Python is 3.11)"
        docker_cli tag "$target" "$alias"
        [[ -z "$old_id" || "$old_id" == "$(image_id "$alias")" ]] || OLD_IDS+=("$old_id")
        SUMMARY+=("$alias: tagged from $target")
    fi
}

# --- what to build ----------------------------------------------------------------------

build_debian_fat=false
build_debian_slim=false
needs_build debian:bookworm && build_debian_fat=true
needs_build debian:bookworm-slim && build_debian_slim=true

if [[ "$build_debian_fat" == true || "$build_debian_slim" == true ]]; then
    make_rootfs
    # The untrimmed tree first, then the same tree trimmed: one debootstrap for both.
    [[ "$build_debian_fat" != true ]] || import_rootfs debian:bookworm
    if [[ "$build_debian_slim" == true ]]; then
        slimify "$ROOTFS"
        import_rootfs debian:bookworm-slim
    fi
    cleanup
    WORK_DIR=""
fi

# A rebuilt base makes our images built FROM it stale: rebuild them too (but never replace
# a real, pulled image that happens to be there).
rebuilt_python_slim=false
if needs_build python:3.11-slim || { [[ "$build_debian_slim" == true ]] && is_fixture python:3.11-slim; }; then
    build_dockerfile python:3.11-slim python-slim.Dockerfile
    rebuilt_python_slim=true
fi
if needs_build python:3.11 || { [[ "$rebuilt_python_slim" == true ]] && is_fixture python:3.11; }; then
    build_dockerfile python:3.11 python.Dockerfile
fi
alias_tag python:3.10-slim python:3.11-slim
alias_tag python:3.10 python:3.11

# Images that lost their last tag to a rebuild, newest first (children before their
# parents); one is kept when something still uses it.
for ((i = ${#OLD_IDS[@]} - 1; i >= 0; i--)); do
    old_id="${OLD_IDS[i]}"
    image_exists "$old_id" || continue   # listed twice (python:3.11 and python:3.10)
    # Still tagged under another name: someone else's, leave it.
    [[ "$(docker_cli image inspect --format '{{len .RepoTags}}' "$old_id")" == 0 ]] || continue
    docker_cli image rm "$old_id" >/dev/null 2>&1 \
        || log "kept the previous image ${old_id#sha256:} (images or containers still use it)"
done

# --- report -----------------------------------------------------------------------------

if ((${#SUMMARY[@]} == 0)); then
    log "all stand-in base images are present; nothing to build (--force rebuilds them)"
else
    log "built:"
    printf '    %s\n' "${SUMMARY[@]}"
fi
docker_cli image ls --filter 'reference=debian:bookworm*' --filter 'reference=python:3.1*'
for name in debian:bookworm-slim debian:bookworm python:3.11-slim python:3.11 python:3.10-slim python:3.10; do
    image_exists "$name" || die "$name is missing after the build"
done
log "done in $(human_seconds $((SECONDS - START_SECONDS)))"
