# syntax=docker/dockerfile:1
# Stage bodies are indented with one tab; <<- strips leading tabs from
# the heredoc bodies and from their terminators.
FROM alpine:3.20 AS site
	RUN <<-EOT
		set -eux
		apk add --no-cache nginx
		mkdir -p /run/nginx /var/www/site
		if [ -f /etc/nginx/http.d/default.conf ]; then
			rm /etc/nginx/http.d/default.conf
		fi
	EOT

	COPY <<-'EOF' /etc/nginx/http.d/site.conf
		server {
			listen 8080;
			root /var/www/site;
			location / {
				try_files $uri $uri/ =404;
			}
		}
	EOF

	COPY --chown=nginx:nginx public/ /var/www/site/
	RUN nginx -t
	EXPOSE 8080
	USER nginx
	CMD ["nginx", "-g", "daemon off;"]
