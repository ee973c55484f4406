#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
"""Alembic's autogenerate on the benchmark schema: the models are the desired database reflected
with SQLAlchemy, compared with compare_metadata() against the target database (Alembic 1.8's
`alembic check` does the same comparison).

    alembic_autogen.py TARGET_URL DESIRED_URL
"""
import sys
import time

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData, create_engine

target_url, desired_url = sys.argv[1], sys.argv[2]
start = time.perf_counter()
metadata = MetaData()
metadata.reflect(bind=create_engine(desired_url))
reflected = time.perf_counter()
with create_engine(target_url).connect() as connection:
    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "compare_server_default": True})
    diff = compare_metadata(context, metadata)
done = time.perf_counter()
print(f"alembic: {len(metadata.tables)} tables, reflect models {reflected - start:.2f} s, "
      f"compare_metadata {done - reflected:.2f} s, {len(diff)} differences", file=sys.stderr)
