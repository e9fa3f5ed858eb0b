"""A tiny queue worker: checks that libpq loads, then works through jobs until told to stop."""
import ctypes
import ctypes.util
import sys
import time


def libpq_version():
    name = ctypes.util.find_library("pq") or "libpq.so.5"
    return ctypes.CDLL(name).PQlibVersion()


if __name__ == "__main__":
    print(f"worker up, libpq {libpq_version()}", flush=True)
    if "--check" in sys.argv:
        sys.exit(0)
    while True:
        time.sleep(60)
