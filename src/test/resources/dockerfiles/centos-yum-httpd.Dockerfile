FROM centos:7
MAINTAINER Platform Team <platform@example.com>

RUN yum -y install epel-release && \
    yum -y update && \
    yum -y install \
      httpd \
      mod_ssl \
      php \
      php-mysql \
      supervisor && \
    yum clean all && \
    rm -rf /var/cache/yum

COPY supervisord.conf /etc/supervisord.conf
COPY httpd/vhost.conf /etc/httpd/conf.d/vhost.conf
ADD app.tar.gz /var/www/html/

EXPOSE 80 443
CMD ["/usr/bin/supervisord", "-n", "-c", "/etc/supervisord.conf"]
