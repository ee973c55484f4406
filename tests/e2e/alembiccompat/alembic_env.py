# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
"""env.py of the Alembic projects that tst_alembiccompat writes next to Stratum projects.

No models: each revision's upgrade() and downgrade() run the SQL of the matching Stratum
revision file (see compat_sql.py), so both tools build the same schema. `-x url=...`
points a run at another database than alembic.ini's sqlalchemy.url.
"""
import os
import sys

from alembic import context
from sqlalchemy import create_engine, pool

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

config = context.config
url = context.get_x_argument(as_dictionary=True).get(
    "url", config.get_main_option("sqlalchemy.url"))

if context.is_offline_mode():
    context.configure(url=url, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
