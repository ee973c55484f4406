# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
"""Writes a large revision history twice: as a Stratum project and as the same Alembic project.

    generate.py OUT [--revisions 10000] [--seed 1]

OUT/stratum/stratum.ini + migrations/versions/<rev>_<slug>.sql
OUT/alembic/alembic.ini + env.py + versions/<rev>_<slug>.py

The history is a trunk from which feature branches split off and merge back, with several
branches open at once, a few long-lived labelled branches that stay heads, and depends_on
links between branches, so that the revision map has branch points, merge points, labels and
dependencies to resolve at scale. Each revision creates one table (merges create nothing).
"""
import argparse
import os
import random

SQL = """-- {message}
--
-- Revision ID: {rev}
-- Revises: {revises}
-- Create Date: {date}
-- Branch Labels: {labels}
-- Depends On: {depends}

-- migrate:upgrade
{up}
-- migrate:downgrade
{down}"""

PY = '''"""{message}

Revision ID: {rev}
Revises: {revises}
Create Date: {date}
Branch Labels: {labels}
Depends On: {depends}
"""
from alembic import op

revision = {rev!r}
down_revision = {down_revision}
branch_labels = {branch_labels}
depends_on = {depends_on}


def upgrade():
    pass


def downgrade():
    pass
'''

ENV = '''from alembic import context

context.configure(url=context.config.get_main_option("sqlalchemy.url"))
with context.begin_transaction():
    context.run_migrations()
'''


def py_value(items, tuple_for_one=False):
    if not items:
        return "None"
    if len(items) == 1 and not tuple_for_one:
        return repr(items[0])
    return "(" + ", ".join(repr(i) for i in items) + (",)" if len(items) == 1 else ")")


def history(count, rng):
    ids = set()

    def new_id():
        while True:
            rev = "%012x" % rng.getrandbits(48)
            if rev not in ids:
                ids.add(rev)
                return rev

    revs = []
    trunk = None          # tip of the trunk
    open_branches = []    # tips of feature branches that will merge back
    labelled = []         # tips of long-lived labelled branches (stay heads)
    labels = iter(["billing", "search", "audit", "exports"])
    for i in range(count):
        rev = new_id()
        labels_here, depends = [], []
        roll = rng.random()
        if trunk is None:
            revises = []
        elif open_branches and roll < 0.06:
            tip = open_branches.pop(rng.randrange(len(open_branches)))
            revises = [trunk, tip]
        elif roll < 0.12 and len(open_branches) < 6:
            revises = [trunk]
            open_branches.append(rev)
        elif i in (count // 5, 2 * count // 5, 3 * count // 5, 4 * count // 5):
            revises = [trunk]
            labels_here = [next(labels)]
            labelled.append(rev)
        elif open_branches and roll < 0.45:
            k = rng.randrange(len(open_branches))
            revises = [open_branches[k]]
            open_branches[k] = rev
        elif labelled and roll < 0.50:
            k = rng.randrange(len(labelled))
            revises = [labelled[k]]
            labelled[k] = rev
        else:
            revises = [trunk]
        if revises and revises[0] == trunk and rev not in open_branches \
                and not labels_here:
            trunk = rev
        if trunk is None:
            trunk = rev
        if len(revises) == 1 and i > 10 and rng.random() < 0.03:
            depends = [revs[rng.randrange(max(1, len(revs) - 200), len(revs))]["rev"]]
            if depends[0] in revises:
                depends = []
        merge = len(revises) > 1
        message = ("Merge %s" % " and ".join(revises)) if merge else "Add table t_%s" % rev
        revs.append(dict(rev=rev, revises=revises, labels=labels_here, depends=depends,
                         message=message, merge=merge,
                         date="2025-01-01 00:00:00.%06d" % (i % 1000000)))
    return revs


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--revisions", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sql_dir = os.path.join(args.out, "stratum", "migrations", "versions")
    py_dir = os.path.join(args.out, "alembic", "versions")
    os.makedirs(sql_dir, exist_ok=True)
    os.makedirs(py_dir, exist_ok=True)
    write(os.path.join(args.out, "stratum", "stratum.ini"),
          "[stratum]\nscript_location = migrations\nurl = sqlite:///%(here)s/bench.db\n")
    write(os.path.join(args.out, "alembic", "alembic.ini"),
          "[alembic]\nscript_location = %(here)s\nsqlalchemy.url = sqlite:///%(here)s/bench.db\n")
    write(os.path.join(args.out, "alembic", "env.py"), ENV)
    for r in history(args.revisions, rng):
        table = "t_" + r["rev"]
        up = "" if r["merge"] else "CREATE TABLE %s (id INTEGER PRIMARY KEY, note TEXT);\n" % table
        down = "" if r["merge"] else "DROP TABLE %s;\n" % table
        fields = dict(rev=r["rev"], message=r["message"], date=r["date"],
                      revises=", ".join(r["revises"]), labels=", ".join(r["labels"]),
                      depends=", ".join(r["depends"]))
        name = "%s_%s" % (r["rev"], r["message"].lower().replace(" ", "_")[:40])
        sql = SQL.format(up=up, down=down, **fields)
        write(os.path.join(sql_dir, name + ".sql"), "\n".join(l.rstrip() for l in sql.split("\n")))
        write(os.path.join(py_dir, name + ".py"),
              PY.format(down_revision=py_value(r["revises"]),
                        branch_labels=py_value(r["labels"], True),
                        depends_on=py_value(r["depends"]), **fields))


if __name__ == "__main__":
    main()
