FROM nginx:1.25-alpine

# JSON (exec) form RUN
RUN ["/bin/sh", "-c", "mkdir -p /var/cache/nginx/client_temp && chown -R nginx:nginx /var/cache/nginx"]

# Exec form with extra spaces inside the brackets
RUN [ "nginx", "-t" ]

COPY default.conf /etc/nginx/conf.d/default.conf
COPY html/ /usr/share/nginx/html/

# Escaped quotes and unicode escapes inside JSON strings
RUN ["sh", "-c", "echo \"built \u2713\" > /usr/share/nginx/html/build.txt"]

EXPOSE 80

# Single quotes are not valid JSON, so BuildKit falls back to shell form here:
# this becomes /bin/sh -c "['/docker-entrypoint.sh']"
ENTRYPOINT ['/docker-entrypoint.sh']
CMD ['nginx', '-g', 'daemon off;']
