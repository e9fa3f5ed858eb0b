"""pgstatus: a small HTTP service that reports which libpq it runs on (GET /health).

`python app.py --check` prints the same report once and exits (used by the tests).
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

import pgcheck  # the C extension in ./pgcheck-src; importing it loads libpq.so.5


def report():
    v = pgcheck.libpq_version()  # e.g. 150020 → "15.20"
    return {"status": "ok", "libpq": f"{v // 10000}.{v % 10000}"}


class Health(BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps(report()).encode()
        self.send_response(200 if self.path == "/health" else 404)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    if "--check" in sys.argv:
        print(json.dumps(report()))
    else:
        print("pgstatus listening on :8000", flush=True)
        HTTPServer(("", 8000), Health).serve_forever()
