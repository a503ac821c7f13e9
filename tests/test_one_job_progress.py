"""Every page that follows a background job does it through one include and one script.

Walks the templates and static scripts of every app: a template that links a job's status
(`jobs:status`) shows it with `core/job_progress.html`, and no script but core/job-progress.js
reads a job's progress.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings

INCLUDE = "core/job_progress.html"
FOLLOWER = Path(apps.get_app_config("core").path) / "static" / "core" / "job-progress.js"


def _project_folders(kind: str) -> list[Path]:
    root = Path(settings.BASE_DIR)
    folders = [root / kind]
    for config in apps.get_app_configs():
        if Path(config.path).is_relative_to(root):
            folders.append(Path(config.path) / kind)
    return [folder for folder in folders if folder.is_dir()]


def test_every_template_that_follows_a_job_uses_the_one_include():
    following = []
    for folder in _project_folders("templates"):
        for template in folder.rglob("*.html"):
            text = template.read_text(encoding="utf-8")
            if "'jobs:status'" in text or '"jobs:status"' in text:
                following.append(template.name)
                assert INCLUDE in text, f"{template} follows a job without {INCLUDE}"
    assert len(following) >= 3, following


def test_no_script_but_the_one_follower_reads_a_jobs_progress():
    scripts = [script for folder in _project_folders("static") for script in folder.rglob("*.js")]
    assert FOLLOWER in scripts
    for script in scripts:
        if script != FOLLOWER and "vendor" not in script.parts:
            text = script.read_text(encoding="utf-8")
            assert "job.done" not in text and "job.total" not in text, script
