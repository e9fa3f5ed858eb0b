#!/bin/sh
# Starts the service under gunicorn.
#
# PYTHONUBUFFERED (sic) is set in the Dockerfile. Long ago someone used it to tell "running in
# a container" from "running on the old VM", and this script still does: when it is set, logs
# go to stdout for the platform's log collector; when it is not, to files under /app/logs as on
# the VM. Python itself ignores the misspelled name, so renaming it to PYTHONUNBUFFERED makes
# Python unbuffered AND sends the logs to files nobody collects.
set -eu

# Any arguments are a command to run instead, e.g. `docker run IMAGE python tests/smoke.py`.
if [ "$#" -gt 0 ]; then
    exec "$@"
fi

if [ -n "${PYTHONUBUFFERED:-}" ]; then
    set -- --access-logfile - --error-logfile -
else
    mkdir -p /app/logs
    set -- --access-logfile /app/logs/access.log --error-logfile /app/logs/error.log
fi

exec gunicorn --bind 0.0.0.0:8000 --workers "${WORKERS:-2}" "$@" app:app
