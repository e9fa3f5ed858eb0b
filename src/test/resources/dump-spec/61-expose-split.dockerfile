# rule: §5 EXPOSE: ARGS split at runs of spaces/tabs
EXPOSE 80/tcp  443		8080/udp
EXPOSE 9000
