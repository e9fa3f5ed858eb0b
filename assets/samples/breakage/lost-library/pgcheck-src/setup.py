# A one-file C extension linked against libpq (as psycopg2 is), installed from this folder
# with `pip install --no-build-isolation ./pgcheck-src`: no index, nothing downloaded.
from setuptools import Extension, setup

setup(
    name="pgcheck",
    version="0.1.0",
    ext_modules=[
        Extension(
            "pgcheck",
            sources=["pgcheck.c"],
            include_dirs=["/usr/include/postgresql"],  # libpq-fe.h comes with libpq-dev
            libraries=["pq"],  # -lpq: importing the module loads libpq.so.5
        )
    ],
)
