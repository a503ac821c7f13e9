"""The DCC verifier (node, pinned in package-lock.json) and the site behind HTTPS on loopback."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.interop.dcc import tls_front

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def dcc_installed():
    """`npm ci` once per session (again only when the lock file changed)."""
    if not shutil.which("node") or not shutil.which("npm"):
        pytest.skip("node and npm are needed to run the DCC verifier (apt-get install nodejs npm)")
    stamp = HERE / "node_modules" / ".package-lock.json"
    lock = HERE / "package-lock.json"
    if not stamp.exists() or stamp.stat().st_mtime < lock.stat().st_mtime:
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
            cwd=HERE,
            check=True,
            capture_output=True,
            timeout=600,
        )
    return HERE


@pytest.fixture
def https_site(live_server, settings, tmp_path):
    """The live server behind TLS: SITE_URL (so the did:web) is https://localhost:<port>."""
    server, ca_file = tls_front.start(backend_url=live_server.url, directory=tmp_path)
    settings.SITE_URL = f"https://localhost:{server.server_address[1]}"
    yield ca_file
    server.shutdown()


@pytest.fixture
def dcc_verify(dcc_installed, https_site):
    """Run the DCC verifier on a credential; its result as a dict."""

    def verify(credential: dict) -> dict:
        done = subprocess.run(
            ["node", "verify.mjs"],
            cwd=dcc_installed,
            input=json.dumps(credential).encode(),
            capture_output=True,
            timeout=120,
            env={**os.environ, "NODE_EXTRA_CA_CERTS": str(https_site)},
        )
        assert done.returncode == 0, done.stderr.decode()
        return json.loads(done.stdout)

    return verify
