import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_make_run_prepares_a_new_machine_and_leaves_no_backlog_for_the_worker(tmp_path):
    # About 30 s. What `make run` does before serving: the development settings, an empty var
    # folder, the embedded filesystem broker and no eager mode.
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "CELERY_", "DATABASE_"))
    }
    env |= {"CME_VAR_DIR": str(tmp_path / "var"), "DJANGO_SETTINGS_MODULE": "cme.settings.dev"}
    result = subprocess.run(
        [sys.executable, "manage.py", "prepare"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Demo ready" in result.stdout
    assert "worker.kirkuk" in result.stdout
    assert list((tmp_path / "var" / "broker").iterdir()) == []
    assert any((tmp_path / "var" / "private" / "certificates").rglob("CME-*.pdf"))
