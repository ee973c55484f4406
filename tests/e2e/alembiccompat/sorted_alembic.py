# SPDX-FileCopyrightText: 2026 The Stratum authors
# SPDX-License-Identifier: Apache-2.0
"""Alembic's command line, reading revision files in file-name order.

Alembic 1.8 lists a versions folder with os.listdir(), so it meets revision files in whatever
order the file system returns them, and that order decides the order of `heads` and of
revisions that history walks side by side. Stratum reads revision files in file-name order.
To compare the two, this launcher wraps the one function that lists a folder so that it returns
sorted names, then runs Alembic's own main(); nothing else in Alembic is touched. A launcher
rather than a sitecustomize module keeps the change visible at the call site and away from any
other Python program.

    /usr/bin/python3 sorted_alembic.py -c alembic.ini history -v
"""
import sys

from alembic.config import main
from alembic.script.base import Script

_list_py_dir = Script._list_py_dir.__func__


def _sorted_list_py_dir(cls, scriptdir, path):
    return sorted(_list_py_dir(cls, scriptdir, path))


Script._list_py_dir = classmethod(_sorted_list_py_dir)

if __name__ == "__main__":
    sys.exit(main(prog="alembic"))
