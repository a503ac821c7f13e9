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

import gc

preload_app = True

# A recycled worker costs a fork, and its first answers fill its caches again: rare enough not to
# be felt, often enough to bound a leak. The jitter is wide so that workers started together are
# not recycled together (at 20,000 +- 2,000 both went within a second under the load check, and
# every answer waited 600 ms).
max_requests = 50000
max_requests_jitter = 25000


def pre_fork(server, worker):
    """The loaded site's objects (about 250,000) are frozen out of the garbage collector's sight.

    A full collection walked them all, 130 ms in which a worker answers nothing; frozen, a
    collection looks only at what the worker made since. Unchanged, the pages of memory they
    live on also stay shared between the workers (Python's `gc.freeze` documentation).
    """
    gc.freeze()


def post_fork(server, worker):
    """A worker never shares a connection its master opened: each opens its own on first use.

    Loading the site opens none (tests/test_deploy_files.py checks it); this keeps it so should
    an app ever read the database or the cache while it loads.
    """
    from django.core.cache import caches
    from django.db import connections

    connections.close_all()
    caches.close_all()
