"""Benchmark: certificate verification through the running stack (nginx, gunicorn), with wrk."""

import datetime
import re
import shutil
import subprocess
import time

from django.core.management.base import BaseCommand, CommandError

from certificates.models import Certificate

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
# The targets (docs/benchmarks.md): requests/s of each, and p99 under 25 ms.
TARGETS = {"JSON": 1500, "page": 600}
P99_TARGET_MS = 25.0


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * UNITS_MS[unit]


def wrk_figures(output: str) -> dict:
    """Requests/s, p50/p99 in ms and the failed answers, read from `wrk --latency`'s report."""
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+(?:us|ms|s|m))\s*$", output, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                        output)  # fmt: skip
    return {
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50": _ms(latency["50"]),
        "p99": _ms(latency["99"]),
        "failed": int(errors.group(1)) if errors else 0,
        # connect, read and write errors; wrk's "timeout" count is reported apart: it also counts
        # the requests still in flight on each connection when the run stops (8 of 8 on a busy
        # machine, whatever the answers' times), so it is no failed answer.
        "socket_errors": sum(int(n) for n in sockets.groups()[:3]) if sockets else 0,
        "timeouts": int(sockets.group(4)) if sockets else 0,
    }


class Command(BaseCommand):
    help = (
        "Run wrk against the JSON and HTML verification of a valid certificate and "
        "/verify/key.json of a running site, one after the other; print requests/s and latency."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", required=True, help="the site, e.g. https://127.0.0.1:58443")
        parser.add_argument("--connections", type=int, default=8)
        parser.add_argument("--threads", type=int, default=2)
        parser.add_argument("--duration", type=int, default=10, help="seconds per address")
        parser.add_argument("--key", help="serial or code to verify (default: a valid one's code)")

    def handle(self, *args, url, connections, threads, duration, key, **options):
        wrk = shutil.which("wrk")
        if not wrk:
            raise CommandError("wrk is not installed (apt-get install wrk).")
        if not key:
            key = (
                Certificate.objects.filter(status=Certificate.Status.VALID)
                .values_list("verification_code", flat=True)
                .first()
            )
        if not key:
            raise CommandError("No valid certificate to verify: seed the demo first.")
        base = url.rstrip("/")
        targets = [
            ("JSON", f"/verify/{key}.json"),
            ("page", f"/verify/{key}/"),
            ("key.json", "/verify/key.json"),
        ]
        self.stdout.write(f"load before: {_uptime()}")
        rows = []
        for label, path in targets:
            # One second first, so no run pays for the workers' first connections and imports.
            warm_up = [wrk, "-t1", "-c1", "-d1s", base + path]
            subprocess.run(warm_up, capture_output=True, check=True)  # noqa: S603
            command = [wrk, f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency"]
            result = subprocess.run(  # noqa: S603
                [*command, base + path], capture_output=True, text=True, check=True
            )
            figures = wrk_figures(result.stdout)
            if figures["failed"] or figures["socket_errors"]:
                self.stdout.write(f"wrk's report for {label}:\n{result.stdout}")
            rows.append((label, path, figures))
            time.sleep(1)
        self.stdout.write(f"load after: {_uptime()}")
        self.stdout.write(
            f"wrk {connections} connections, {threads} threads, {duration} s each, through {base}"
        )
        header = (
            f"{'':9} {'requests/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'failed':>7}"
            f" {'cut off':>7}  target"
        )
        self.stdout.write(header)
        failed = False
        for label, _path, figures in rows:
            target = TARGETS.get(label)
            if target is None:
                met = "the stack's floor"
            else:
                reached = figures["rate"] >= target and figures["p99"] < P99_TARGET_MS
                met = f"{target}/s, p99 < {P99_TARGET_MS:g} ms: {'met' if reached else 'NOT met'}"
            errors = figures["failed"] + figures["socket_errors"]
            self.stdout.write(
                f"{label:9} {figures['rate']:>10.0f} {figures['p50']:>8.2f} {figures['p99']:>8.2f}"
                f" {errors:>7} {figures['timeouts']:>7}  {met}"
            )
            failed |= bool(figures["failed"] or figures["socket_errors"])
        self.stdout.write("cut off: wrk's timeouts, requests still in flight when a run stops.")
        if failed:
            raise CommandError("Some answers were errors (a rate limit, or the stack): see above.")


def _uptime() -> str:
    """The UTC time and `uptime`'s load averages (its clock is the site's zone, Django's TZ)."""
    load = subprocess.run(["/usr/bin/uptime"], capture_output=True, text=True).stdout.strip()  # noqa: S603
    return f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M:%S} UTC, {load}"
