"""gunicorn's settings for the web unit (deploy/systemd/cme-tracker-web.service, docs/deploy.md).

The unit's command line gives the workers, the socket and the timeouts; this file what a command
line cannot: loading the site once, in the master process, before the workers are forked.

Without it every worker imported Django and every app itself, about two seconds of a core, and
did so again each time `max_requests` recycled it: under load a worker was recycled every few
seconds, and the answers waiting on it took over a second (docs/benchmarks.md, "Certificate
verification through nginx"). Forked from a loaded master, a new worker starts at once.

Loading in the master means an upgrade needs `systemctl restart cme-tracker-web` (as docs/deploy.md
says): a reload (HUP) forks new workers from the same loaded code.
"""

preload_app = True

# A recycled worker costs a fork now, so it can be recycled often enough to bound a leak.
max_requests = 20000
max_requests_jitter = 2000


def post_fork(server, worker):
    """A worker never shares a connection its master opened: each opens its own on first use.

    Loading the site opens none (tests/test_deploy_files.py checks it); this keeps it so should
    an app ever read the database or the cache while it loads.
    """
    from django.core.cache import caches
    from django.db import connections

    connections.close_all()
    caches.close_all()
