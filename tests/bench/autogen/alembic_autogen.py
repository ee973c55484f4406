#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
"""Alembic's autogenerate on the benchmark schema: compare_metadata() of the models against the
target database (with compare_type and compare_server_default, as `alembic check` compares). The
models are either the desired database reflected with SQLAlchemy, or declared in Python (the
`metadata` of a models.py written by generate.py --models), as in a project using Alembic.
Prints one line on stderr: versions, phases and the differences found (each of them when
there are few). Exits with 1 when it found a difference, as `alembic check` does.

    alembic_autogen.py TARGET_URL DESIRED_URL        models reflected from DESIRED_URL
    alembic_autogen.py TARGET_URL --models FILE      models declared in FILE
    alembic_autogen.py --versions                    the Alembic and SQLAlchemy imported

URLs are SQLAlchemy's (mysql+pymysql://... for MariaDB).
"""
import importlib.util
import sys
import time

start = time.perf_counter()
import alembic  # noqa: E402  (the imports are part of what a run costs)
import sqlalchemy  # noqa: E402
from alembic.autogenerate import compare_metadata  # noqa: E402
from alembic.migration import MigrationContext  # noqa: E402
from sqlalchemy import MetaData, create_engine  # noqa: E402


def versions():
    try:
        from sqlalchemy.util import _has_cy
        cython = "Cython extensions in use" if _has_cy.HAS_CYEXTENSION else \
            f"no Cython extensions ({_has_cy._CYEXTENSION_MSG})"
    except ImportError:   # SQLAlchemy 1.4 has C extensions of its own, not Cython ones
        cython = "C extensions " + ("in use" if sqlalchemy.util.has_compiled_ext() else "not in use")
    return f"Alembic {alembic.__version__}, SQLAlchemy {sqlalchemy.__version__}, {cython}"


def declared(path):
    spec = importlib.util.spec_from_file_location("models", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.metadata


def reflected(url):
    metadata = MetaData()
    metadata.reflect(bind=create_engine(url))
    return metadata


def described(item):
    if isinstance(item, tuple) and item[0] == "add_column":
        return f"add_column {item[2]}.{item[3].name}"
    return str(item)[:120]


args = sys.argv[1:]
if args == ["--versions"]:
    print(versions())
    sys.exit(0)
if len(args) == 3 and args[1] == "--models":
    how, load = "import models", lambda: declared(args[2])
elif len(args) == 2:
    how, load = "reflect models", lambda: reflected(args[1])
else:
    print(__doc__.strip(), file=sys.stderr)
    sys.exit(2)

imported = time.perf_counter()
metadata = load()
loaded = time.perf_counter()
with create_engine(args[0]).connect() as connection:
    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "compare_server_default": True})
    diff = compare_metadata(context, metadata)
done = time.perf_counter()
shown = "" if len(diff) > 3 else ": " + "; ".join(described(item) for item in diff)
print(f"alembic {alembic.__version__} on {connection.dialect.name}: {len(metadata.tables)} tables, "
      f"imports {imported - start:.2f} s, {how} {loaded - imported:.2f} s, "
      f"compare_metadata {done - loaded:.2f} s, {len(diff)} differences{shown}", file=sys.stderr)
sys.exit(1 if diff else 0)
