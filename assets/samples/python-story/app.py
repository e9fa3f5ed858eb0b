"""A small orders service: /health for the health check, / for a page the smoke test opens."""
import os

import psycopg2
from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/health")
def health():
    status = {"status": "ok", "libpq": psycopg2.__libpq_version__}
    dsn = os.environ.get("DATABASE_URL")
    if dsn:
        try:
            conn = psycopg2.connect(dsn, connect_timeout=2)
            try:
                with conn.cursor() as cur:
                    cur.execute("SELECT 1")
            finally:
                conn.close()
            status["database"] = "ok"
        except psycopg2.Error as e:
            return jsonify(status="error", database=str(e).strip()), 503
    return jsonify(status)


@app.get("/")
def index():
    return "<!doctype html><title>Orders</title><h1 id='title'>Orders</h1>\n"


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8000)
