"""Read each hostile upload in a child process and print its peak memory and time.

`manage.py measure_upload_bounds` reads them as the site does (core.uploads); with `--baseline` it
also reads each the way the site did before the bound (the libraries directly, under a 3 GB cap),
side by side, for docs/benchmarks.md.
"""

import os
import tempfile

from django.core.management.base import BaseCommand

from benchmarks.upload_samples import SAMPLES, measure


class Command(BaseCommand):
    help = "Peak memory (MB) and seconds of reading each crafted hostile upload."

    def add_arguments(self, parser):
        parser.add_argument("--baseline", action="store_true", help="also read as before the bound")

    def handle(self, *, baseline, **options):
        readers = ["baseline", "bounded"] if baseline else ["bounded"]
        load = os.getloadavg()
        self.stdout.write(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
        self.stdout.write("| upload | size | reader | peak MB | seconds | outcome |")
        self.stdout.write("| --- | --- | --- | --- | --- | --- |")
        with tempfile.TemporaryDirectory() as folder:
            for label, (name, craft) in SAMPLES.items():
                content = craft()
                path = os.path.join(folder, name)
                with open(path, "wb") as handle:
                    handle.write(content)
                for reader in readers:
                    result = measure(path, name, reader)
                    peak, seconds = result["peak_mb"], result["seconds"]
                    self.stdout.write(
                        f"| {label} | {len(content) / 1024:,.1f} KB | {reader} "
                        f"| {'-' if peak is None else f'{peak:,.0f}'} "
                        f"| {'-' if seconds is None else f'{seconds:.2f}'} "
                        f"| {result['outcome'][:60]} |"
                    )
