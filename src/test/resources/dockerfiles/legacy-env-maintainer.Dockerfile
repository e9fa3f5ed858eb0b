FROM ubuntu:18.04
MAINTAINER John Smith <john.smith@example.com>

ENV DEBIAN_FRONTEND noninteractive
ENV LANG en_US.UTF-8
ENV JAVA_OPTS -Xms256m -Xmx1g -Dfile.encoding=UTF-8
ENV APP_NAME=ledger APP_VERSION=2.4.1 APP_DESCRIPTION="double entry bookkeeping"
ENV APP_HOME=/opt/ledger \
    APP_USER=ledger

LABEL vendor="ACME Corp" \
      com.example.release-date="2019-03-14" \
      com.example.is-production="" \
      version="2.4.1"
LABEL "com.example.vendor"="ACME Incorporated" description='single quoted value'
LABEL multi.line.description="This is a description \
that continues on the next line"

RUN apt-get update && apt-get install -y openjdk-11-jre-headless locales && \
    locale-gen en_US.UTF-8 && \
    useradd -r -d $APP_HOME $APP_USER && \
    rm -rf /var/lib/apt/lists/*

ADD build/libs/ledger-2.4.1.jar $APP_HOME/ledger.jar
ADD conf $APP_HOME/conf

VOLUME ["/var/lib/ledger", "/var/log/ledger"]
EXPOSE 8080 8443/tcp
USER ledger
WORKDIR $APP_HOME
ENTRYPOINT java $JAVA_OPTS -jar ledger.jar
