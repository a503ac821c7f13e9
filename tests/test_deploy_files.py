"""The files a server is installed from (deploy/) agree with the settings they configure."""

import re
import runpy
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
READS = re.compile(
    r"""(?:os\.environ\.get|os\.environ\[|env_bool|env_list|env\s*=)\(?\s*["']([A-Z][A-Z0-9_]+)["']"""
)


def _variables_the_settings_read() -> set[str]:
    found = set()
    for module in (ROOT / "cme" / "settings").glob("*.py"):
        if module.name != "test.py":  # the test suite's own switches are no server's business
            found |= set(READS.findall(module.read_text()))
    return found


def test_the_environment_template_names_every_variable_the_settings_read():
    template = (DEPLOY / "env.example").read_text()
    listed = set(re.findall(r"^#?([A-Z][A-Z0-9_]+)=", template, re.M))
    read = _variables_the_settings_read()
    assert {"SECRET_KEY", "DATABASE_URL", "CELERY_BROKER_URL", "CME_VAR_DIR"} <= read
    assert sorted(read - listed) == []


def test_every_unit_reads_the_environment_file_and_gunicorn_runs_two_workers():
    units = sorted((DEPLOY / "systemd").glob("*.service"))
    assert [unit.name for unit in units] == [
        "cme-tracker-beat.service",
        "cme-tracker-web.service",
        "cme-tracker-worker.service",
    ]
    for unit in units:
        assert "EnvironmentFile=/etc/cme-tracker/env" in unit.read_text(), unit.name
    web = (DEPLOY / "systemd" / "cme-tracker-web.service").read_text()
    assert "--workers 2 --bind unix:/run/cme-tracker/gunicorn.sock" in web


def _nginx() -> str:
    text = (DEPLOY / "nginx" / "cme-tracker.conf").read_text()
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def test_nginx_serves_no_folder_that_holds_private_files():
    # The deploy layout's var/: private/ must be neither served nor inside a served folder.
    private = "/srv/cme-tracker/var/private"
    served = re.findall(r"^\s*(?:alias|root)\s+([^;]+);", _nginx(), re.M)
    assert "/srv/cme-tracker/var/static/" in served and "/srv/cme-tracker/var/media/" in served
    for folder in served:
        assert not private.startswith(folder.rstrip("/")), folder


def test_nginx_refuses_exactly_the_requests_the_app_would_with_a_page_in_three_languages():
    megabytes = int(re.search(r"client_max_body_size\s+(\d+)m;", _nginx()).group(1))
    assert megabytes * 2**20 == settings.CME_REQUEST_MAX_BYTES
    page_url = re.search(r"error_page 413 (/static/\S+);", _nginx()).group(1)
    page = (ROOT / page_url.removeprefix("/")).read_text()
    for language, direction in (("en", "ltr"), ("ar", "rtl"), ("ckb", "rtl")):
        assert f'lang="{language}" dir="{direction}"' in page
    assert f"{settings.CME_UPLOAD_MAX_BYTES // 2**20} MB" in page


def test_nginx_forwards_what_the_app_reads_behind_one_proxy():
    text = _nginx()
    for header in (
        "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
        "proxy_set_header X-Forwarded-Proto $scheme;",
        "proxy_set_header X-Request-ID $request_id;",
    ):
        assert header in text
    assert "TRUSTED_PROXY_COUNT=1" in (DEPLOY / "env.example").read_text()


def test_gunicorn_loads_the_site_once_and_loading_it_opens_no_connection(tmp_path):
    # The web unit loads the site in gunicorn's master and forks the workers from it
    # (deploy/gunicorn.conf.py). A database or cache connection opened while loading would be
    # shared by every worker, their queries interleaved on one socket.
    web = (DEPLOY / "systemd" / "cme-tracker-web.service").read_text()
    assert "--config deploy/gunicorn.conf.py" in web
    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert config["preload_app"] is True
    probe = (
        "import django.db.backends.signals as s, redis.connection as r\n"
        "opened = []\n"
        "s.connection_created.connect(\n"
        "    lambda **kw: opened.append(kw['connection'].alias), weak=False)\n"
        "connect = r.AbstractConnection.connect\n"
        "r.AbstractConnection.connect = lambda self: (opened.append('redis'), connect(self))[1]\n"
        "from cme.wsgi import application\n"
        "print('opened:', opened)\n"
    )
    import subprocess
    import sys

    environment = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "cme.settings.dev",
        "CME_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "CACHE_URL": "redis://127.0.0.1:9/0",  # nothing listens: a connection attempt would show
    }
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "opened: []" in done.stdout, done.stdout


def test_gunicorn_workers_are_forked_with_the_site_frozen_and_recycled_apart():
    # A full garbage collection over the loaded site took 130 ms of a worker's time; frozen before
    # the fork, a worker's collections walk only what it made itself (docs/benchmarks.md).
    import gc

    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert gc.get_freeze_count() == 0
    try:
        config["pre_fork"](server=None, worker=None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    # Two workers started together are recycled apart: the range of their limits is wide.
    assert config["max_requests_jitter"] >= config["max_requests"] // 4
