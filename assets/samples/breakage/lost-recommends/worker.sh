#!/bin/sh
# One worker: takes an item every second until it is told to stop (SIGTERM).
stop=0
trap 'stop=1' TERM
item=0
while [ "$stop" = 0 ]; do
    item=$((item + 1))
    sleep 1
done
echo "worker $1: stopped after $item items"
