from    ubuntu:22.04   as   builder
Maintainer  ops-team@example.com
arg	DEBIAN_FRONTEND=noninteractive
Env	TZ=Etc/UTC   LANG=C.UTF-8
run apt-get update &&   apt-get install -y  build-essential   curl  &&  rm -rf /var/lib/apt/lists/*
  WorkDir	 /opt/svc
COPY    ./   ./
rUn	make   release

FROM	ubuntu:22.04
copy  --from=builder   /opt/svc/bin/svc	/usr/local/bin/svc
    expose   9000/udp	9001
	user	nobody:nogroup
Healthcheck   --interval=45s   CMD   /usr/local/bin/svc ping
entrypoint   [ "/usr/local/bin/svc" ,"serve" ]
cMd	["--port",    "9000"]
