FROM debian:bookworm-slim

RUN groupadd --system --gid 11211 memcache && useradd --system --gid memcache --uid 11211 memcache

RUN set -eux; \
	apt-get update; \
	apt-get install -y --no-install-recommends \
		ca-certificates \
		libevent-2.1-7 \
		libsasl2-2 \
	; \
	rm -rf /var/lib/apt/lists/*

ENV MEMCACHED_VERSION 1.6.29
ENV MEMCACHED_URL https://memcached.org/files/memcached-1.6.29.tar.gz

RUN set -eux; \
	savedAptMark="$(apt-mark showmanual)"; \
	apt-get update; \
	apt-get install -y --no-install-recommends \
		dpkg-dev gcc libc6-dev libevent-dev libsasl2-dev libssl-dev make perl wget \
	; \
	wget -O memcached.tar.gz "$MEMCACHED_URL"; \
	mkdir -p /usr/src/memcached; \
	tar -xzf memcached.tar.gz -C /usr/src/memcached --strip-components=1; \
	rm memcached.tar.gz; \
	cd /usr/src/memcached; \
	./configure \
		--build="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)" \
		--enable-extstore \
		--enable-sasl \
		--enable-tls \
	; \
	make -j "$(nproc)"; \
	make install; \
	cd /; rm -rf /usr/src/memcached; \
	apt-mark auto '.*' > /dev/null; \
	apt-mark manual $savedAptMark > /dev/null; \
	apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \
	rm -rf /var/lib/apt/lists/*; \
	memcached -V

COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]

USER memcache
EXPOSE 11211
CMD ["memcached"]
