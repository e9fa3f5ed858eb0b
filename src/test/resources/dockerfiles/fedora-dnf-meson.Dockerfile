FROM registry.fedoraproject.org/fedora:40 AS builder
RUN dnf -y install --setopt=install_weak_deps=False \
        gcc \
        make \
        meson \
        ninja-build \
        glib2-devel \
        systemd-devel \
    && dnf clean all
WORKDIR /src
COPY . .
RUN meson setup build --buildtype=release --prefix=/usr \
    && ninja -C build \
    && meson test -C build --print-errorlogs \
    && DESTDIR=/staging ninja -C build install

FROM registry.fedoraproject.org/fedora-minimal:40
RUN microdnf -y install glib2 shadow-utils && microdnf clean all \
    && useradd -r -u 1001 sensord
COPY --from=builder /staging/usr/ /usr/
USER 1001
CMD ["/usr/bin/sensord", "--foreground"]
