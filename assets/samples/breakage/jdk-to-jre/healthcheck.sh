#!/bin/sh
# Docker HEALTHCHECK. The slim image has no curl or wget, so instead of calling /health the
# check asks the JVM itself (PID 1, started by CMD) through jcmd, a JDK tool.
exec jcmd 1 VM.uptime >/dev/null
