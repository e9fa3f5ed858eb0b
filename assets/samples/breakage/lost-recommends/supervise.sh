#!/bin/sh
# Starts WORKERS copies of worker.sh, lets them run for RUN_SECONDS, then stops them all
# by name with killall (from psmisc) and waits for them to finish their current item.
set -eu
WORKERS=${WORKERS:-3}
RUN_SECONDS=${RUN_SECONDS:-3}

for n in $(seq "$WORKERS"); do
    ./worker.sh "$n" &
done
echo "supervise: started $WORKERS workers"

sleep "$RUN_SECONDS"
echo "supervise: stopping workers"
killall -TERM -w worker.sh
echo "supervise: all workers stopped"
