"""Reference data shipped with the project: governorates, directorates and cadres."""

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

# (code, English, Arabic, Kurdish, CME hours per cycle, cycle years)
CADRES = [
    ("physician", "Physician", "طبيب", "پزیشک", 100, 2),
    ("dentist", "Dentist", "طبيب أسنان", "پزیشکی ددان", 80, 2),
    ("pharmacist", "Pharmacist", "صيدلاني", "دەرمانساز", 60, 2),
    ("nurse", "Nurse", "ممرض", "پەرستار", 40, 2),
    ("midwife", "Midwife", "قابلة", "مامان", 40, 2),
    ("lab-technician", "Laboratory technician", "فني مختبر", "تەکنیکاری تاقیگە", 30, 2),
    ("radiographer", "Radiographer", "فني أشعة", "تەکنیکاری تیشک", 30, 2),
    ("anaesthesia-technician", "Anaesthesia technician", "فني تخدير", "تەکنیکاری سڕکردن", 30, 2),
    ("paramedic", "Paramedic", "مسعف", "فریاکەوتن", 30, 2),
    ("biomedical-engineer", "Biomedical engineer", "مهندس طبي حياتي", "ئەندازیاری پزیشکی", 30, 2),
    ("hospital-manager", "Hospital manager", "مدير مستشفى", "بەڕێوەبەری نەخۆشخانە", 20, 2),
    ("data-collector", "Data collector", "جامع بيانات", "کۆکەرەوەی داتا", 10, 1),
    (
        "community-health-worker",
        "Community health worker",
        "عامل صحة مجتمعية",
        "کارمەندی تەندروستی کۆمەڵگا",
        10,
        1,
    ),
]


def read_rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_reference_data(Governorate, Directorate, Cadre) -> None:
    """Create or update the reference rows; safe to run again."""
    governorates = {}
    for row in read_rows("governorates.csv"):
        governorates[row["code"]], _ = Governorate.objects.update_or_create(
            code=row["code"],
            defaults={
                "iso_3166_2": row["iso_3166_2"],
                "region": row["region"],
                "name_en": row["name_en"],
                "name_ar": row["name_ar"],
                "name_ckb": row["name_ckb"],
            },
        )
    for row in read_rows("directorates.csv"):
        Directorate.objects.update_or_create(
            code=row["code"],
            defaults={
                "governorate": governorates[row["governorate_code"]],
                "name_en": row["name_en"],
                "name_ar": row["name_ar"],
                "name_ckb": row["name_ckb"],
            },
        )
    for code, en, ar, ckb, hours, years in CADRES:
        Cadre.objects.update_or_create(
            code=code,
            defaults={
                "name_en": en,
                "name_ar": ar,
                "name_ckb": ckb,
                "cme_hours_per_cycle": hours,
                "cycle_years": years,
            },
        )
