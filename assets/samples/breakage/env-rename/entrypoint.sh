#!/bin/sh
# Runs the report job. On the old VM the job logged to /var/log/nightly-report/job.log; in the
# container the platform collects stdout. The Dockerfile's ENV PYTHONUBUFFERED=1 (sic) was
# the "we are in a container" signal when this script was written, and it still is.
set -eu

if [ "${PYTHONUBUFFERED:-}" = "1" ]; then
    exec python report.py "$@"                 # container: log to stdout
fi

mkdir -p /var/log/nightly-report               # VM: log to a file nobody collects here
exec python report.py "$@" >>/var/log/nightly-report/job.log 2>&1
