# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN apk add --no-cache dnsmasq
COPY dnsmasq.d/ /etc/dnsmasq.d/
EXPOSE 53/udp 53/tcp
ENTRYPOINT ["dnsmasq", "--keep-in-foreground"]
CMD ["--log-queries", "--log-facility=-"]

# upstream resolvers, appended by scripts/render-dnsmasq.sh
COPY <<EOF /etc/dnsmasq.conf
no-resolv
server=1.1.1.1
server=9.9.9.9
cache-size=1000
conf-dir=/etc/dnsmasq.d/,*.conf
EOF