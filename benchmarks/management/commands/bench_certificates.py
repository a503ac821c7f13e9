"""Benchmark: certificates per second with ReportLab, and the same certificate with WeasyPrint."""

import datetime
import time
from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand

from benchmarks.weasy import render_html_certificate
from certificates import identity
from certificates.pdf import CertificateFacts, CertificateLook, CertificateRenderer, SignatoryLook

FIRST_NAMES = [
    ("Ahmed", "أحمد"),
    ("Zainab", "زينب"),
    ("Hawre", "هاوڕێ"),
    ("Shilan", "شیلان"),
    ("Mustafa", "مصطفى"),
    ("Nasik", "ناسک"),
    ("Layla", "ليلى"),
    ("Karwan", "کاروان"),
]
LAST_NAMES = [
    ("Kareem", "كريم"),
    ("Hassan", "حسن"),
    ("Salih", "ساڵح"),
    ("Jabbar", "جبار"),
    ("Rashid", "ڕەشید"),
    ("Obaid", "عبيد"),
    ("Mahmood", "مەحمود"),
    ("Ali", "علي"),
]
COURSE = {
    "en": "Emergency Obstetric and Newborn Care",
    "ar": "رعاية التوليد وحديثي الولادة في الطوارئ",
    "ckb": "چاودێریی فریاکەوتنی منداڵبوون و تازە لەدایکبوو",
}


def bench_look() -> CertificateLook:
    """A bilingual look with two signatories, as the ministry's default template has."""
    return CertificateLook(
        layout="en_ar",
        titles={
            "en": "Certificate of Completion",
            "ar": "شهادة إتمام",
            "ckb": "بڕوانامەی تەواوکردن",
        },
        issuers={"en": "Ministry of Health", "ar": "وزارة الصحة", "ckb": "وەزارەتی تەندروستی"},
        signatories=(
            SignatoryLook("Dr. Saad Hassan", "Director of Training"),
            SignatoryLook("Dr. Layla Kareem", "Chair, CME Committee"),
        ),
    )


def bench_facts(number: int) -> CertificateFacts:
    """A certificate of its own: holder, serial, code, signature and QR differ every time."""
    first, last = FIRST_NAMES[number % 8], LAST_NAMES[(number // 8) % 8]
    latin = f"{first[0]} {last[0]} {number}"
    arabic = f"{first[1]} {last[1]} {number}"
    serial = identity.serial_format(governorate_code="BGD", year=2026, number=number)
    code = identity.new_verification_code()
    facts = identity.facts_text(
        serial=serial,
        holder=latin,
        course_code="EONC-2",
        cme_hours="24.0",
        completed_on="2026-03-05",
    )
    signature = identity.sign(identity.signed_message(code=code, facts=facts))
    return CertificateFacts(
        serial=serial,
        holder_latin=latin,
        holder_arabic=arabic,
        course_titles=COURSE,
        cme_hours=str(Decimal("24.0")),
        completed_on=datetime.date(2026, 3, 5),
        verification_url=f"{settings.SITE_URL.rstrip('/')}/verify/{code}/",
        verification_code=code,
        qr_payload=identity.qr_payload(code=code, signature=signature),
    )


class Command(BaseCommand):
    help = "Render certificates with ReportLab (and a few with WeasyPrint) and print the rate."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=1000)
        parser.add_argument("--weasyprint-count", type=int, default=20)

    def handle(self, *args, count: int, weasyprint_count: int, **options):
        renderer = CertificateRenderer(bench_look())
        renderer.render(bench_facts(0))  # fonts parsed and static lines shaped once
        sizes = 0
        started, cpu_started = time.perf_counter(), time.process_time()
        for number in range(1, count + 1):
            sizes += len(renderer.render(bench_facts(number)))
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        self.stdout.write(
            f"reportlab {count / elapsed:.1f} certificates/s, {sizes // count} bytes per PDF"
        )
        # On a shared machine the wall clock includes time other processes took the CPU.
        self.stdout.write(f"reportlab (CPU time) {count / cpu:.1f} certificates/s")
        if weasyprint_count:
            look = bench_look()
            render_html_certificate(look, bench_facts(0))
            started = time.perf_counter()
            for number in range(1, weasyprint_count + 1):
                render_html_certificate(look, bench_facts(number))
            elapsed = time.perf_counter() - started
            self.stdout.write(f"weasyprint {weasyprint_count / elapsed:.2f} certificates/s")
