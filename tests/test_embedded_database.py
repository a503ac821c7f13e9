"""The embedded default (SQLite, `make run`) lets two requests that write at once both succeed."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Two requests, each in a transaction that reads and then writes, as a phone's sync does.
RACE = """
import threading, time, django
django.setup()
from django.db import connection, transaction
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE tally (n integer)")
connection.close()
errors = []
def request():
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM tally")
                time.sleep(0.3)
                cursor.execute("INSERT INTO tally VALUES (1)")
    except Exception as exc:
        errors.append(repr(exc))
    finally:
        connection.close()
threads = [threading.Thread(target=request) for _ in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM tally")
    print(cursor.fetchone()[0], errors)
"""


def test_two_requests_that_read_then_write_at_once_both_store_their_row(tmp_path):
    # The development settings on a SQLite file, as `make run` serves them (not the test database,
    # which is in memory and may be PostgreSQL in CI).
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cme.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-c", RACE], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split(maxsplit=1) == ["2", "[]\n"]
