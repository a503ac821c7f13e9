"""Synthetic registry records shaped like Iraq's health workforce, for the demo and benchmarks.

Facilities are spread over the 22 health directorates by population; every directorate has a
hospital and an office, the bulk are primary health care centres and branches, and mobile clinics
exist only in the governorates the 2024 deployment served (Anbar, Baghdad, Kirkuk, Diyala, Erbil,
Duhok, Sulaymaniyah). Health workers go mostly to hospitals, across cadres in the proportions of a
ministry payroll, with Kurdish names where Kurdish is spoken. Objects come back unsaved so callers
can `bulk_create` them; `bulk_create` skips `save()`, so the name keys are computed here.
"""

import random
from collections.abc import Iterator
from functools import lru_cache

from demo.namebank import person_name
from workforce.models import Cadre, Directorate, Facility, HealthWorker
from workforce.models.geography import facility_search_key
from workforce.names import name_normalise
from workforce.skeleton import name_skeleton

Kind = Facility.Kind

MOBILE_CLINIC_GOVERNORATES = ["ANB", "BGD", "KIR", "DIY", "ERB", "DOH", "SUL"]
MOBILE_CLINICS_NATIONALLY = 27
FACILITIES_NATIONALLY = 5205

# Population in hundreds of thousands (2024 census, rounded), split for Baghdad and Sulaymaniyah.
DIRECTORATE_POPULATION = {
    "BGD-KRK": 43,
    "BGD-RSF": 47,
    "NIN": 43,
    "BAS": 32,
    "DHQ": 23,
    "BAB": 24,
    "ANB": 19,
    "DIY": 18,
    "KIR": 17,
    "SAD": 17,
    "NAJ": 16,
    "WAS": 15,
    "QAD": 14,
    "KAR": 13,
    "MAY": 12,
    "MUT": 9,
    "ERB": 21,
    "SUL": 14,
    "GRM": 4,
    "RPR": 4,
    "DOH": 14,
    "HAL": 1,
}

# Share of the facilities that are neither offices, the first hospital nor mobile clinics.
KIND_SHARES = {
    Kind.PHC_CENTRE: 55,
    Kind.PHC_BRANCH: 25,
    Kind.HOSPITAL: 5,
    Kind.SPECIALISED_CENTRE: 6,
    Kind.LABORATORY: 5,
    Kind.BLOOD_BANK: 2,
    Kind.TRAINING_CENTRE: 2,
}

# How many staff a facility of each kind has, relative to a PHC branch.
KIND_STAFFING = {
    Kind.HOSPITAL: 60,
    Kind.SPECIALISED_CENTRE: 12,
    Kind.PHC_CENTRE: 6,
    Kind.PHC_BRANCH: 2,
    Kind.MOBILE_CLINIC: 4,
    Kind.LABORATORY: 5,
    Kind.BLOOD_BANK: 5,
    Kind.TRAINING_CENTRE: 3,
    Kind.DIRECTORATE_OFFICE: 10,
}

# (share of the workforce, share of women)
CADRE_MIX = {
    "physician": (14, 0.40),
    "dentist": (3, 0.55),
    "pharmacist": (5, 0.60),
    "nurse": (34, 0.55),
    "midwife": (6, 1.0),
    "lab-technician": (9, 0.50),
    "radiographer": (3, 0.30),
    "anaesthesia-technician": (3, 0.20),
    "paramedic": (5, 0.15),
    "biomedical-engineer": (1, 0.20),
    "hospital-manager": (0.5, 0.15),
    "data-collector": (2, 0.40),
    "community-health-worker": (7, 0.60),
}

# Share of health workers with Kurdish names, by governorate.
KURDISH_SHARE = {"ERB": 0.95, "SUL": 0.95, "DOH": 0.9, "HAL": 0.97, "KIR": 0.35, "DIY": 0.1}

HOSPITAL_NAMES = [
    ("Al-Yarmouk", "اليرموك", "یەرموک"),
    ("Ibn Sina", "ابن سينا", "ئیبن سینا"),
    ("Al-Zahraa", "الزهراء", "زەهرا"),
    ("Al-Hussein", "الحسين", "حوسێن"),
    ("Al-Sadr", "الصدر", "سەدر"),
    ("Al-Jumhuri", "الجمهوري", "جمهوری"),
    ("Ibn al-Nafis", "ابن النفيس", "ئیبن نەفیس"),
    ("Al-Shifa", "الشفاء", "شیفا"),
    ("Azadi", "آزادي", "ئازادی"),
    ("Rizgary", "رزكاري", "ڕزگاری"),
    ("Shar", "شار", "شار"),
    ("Al-Hakeem", "الحكيم", "حەکیم"),
    ("Al-Salam", "السلام", "سەلام"),
    ("Maternity and Children", "النسائية والأطفال", "ئافرەتان و منداڵان"),
    ("Teaching", "التعليمي", "فێرکاری"),
    ("General", "العام", "گشتی"),
]

KIND_NAMES = {
    Kind.PHC_CENTRE: (
        "Primary Health Care Centre",
        "مركز الرعاية الصحية الأولية",
        "بنکەی تەندروستی سەرەتایی",
    ),
    Kind.PHC_BRANCH: (
        "Primary Health Care Branch",
        "فرع الرعاية الصحية الأولية",
        "لقی تەندروستی سەرەتایی",
    ),
    Kind.MOBILE_CLINIC: ("Mobile Clinic", "العيادة المتنقلة", "کلینیکی گەڕۆک"),
    Kind.SPECIALISED_CENTRE: ("Specialised Centre", "المركز التخصصي", "سەنتەری پسپۆڕی"),
    Kind.LABORATORY: ("Public Health Laboratory", "مختبر الصحة العامة", "تاقیگەی تەندروستی گشتی"),
    Kind.BLOOD_BANK: ("Blood Bank", "مصرف الدم", "بانکی خوێن"),
    Kind.TRAINING_CENTRE: ("Training Centre", "مركز التدريب", "سەنتەری ڕاهێنان"),
    Kind.DIRECTORATE_OFFICE: ("Directorate Office", "مقر دائرة الصحة", "بارەگای بەڕێوەبەرایەتی"),
}


def _largest_remainder(total: int, weights: dict[str, float]) -> dict[str, int]:
    """Split `total` in proportion to `weights`, exactly."""
    whole = sum(weights.values())
    exact = {key: total * weight / whole for key, weight in weights.items()}
    counts = {key: int(value) for key, value in exact.items()}
    for key in sorted(exact, key=lambda k: exact[k] - counts[k], reverse=True)[
        : total - sum(counts.values())
    ]:
        counts[key] += 1
    return counts


def _facility(*, code, kind, directorate, number, rng) -> Facility:
    governorate = directorate.governorate
    if kind == Kind.HOSPITAL:
        en, ar, ckb = rng.choice(HOSPITAL_NAMES)
        names = (
            f"{en} Hospital {number}, {governorate.name_en}",
            f"مستشفى {ar} {number} - {governorate.name_ar}",
            f"نەخۆشخانەی {ckb} {number} - {governorate.name_ckb}",
        )
    else:
        en, ar, ckb = KIND_NAMES[kind]
        names = (
            f"{en} {number}, {governorate.name_en}",
            f"{ar} {number} - {governorate.name_ar}",
            f"{ckb} {number} - {governorate.name_ckb}",
        )
    facility = Facility(
        code=code,
        kind=kind,
        directorate=directorate,
        governorate=governorate,
        name_en=names[0],
        name_ar=names[1],
        name_ckb=names[2],
        beds=rng.randrange(50, 650, 10) if kind == Kind.HOSPITAL else None,
    )
    facility.search_key = facility_search_key(facility)
    return facility


def mobile_clinic_count(total: int) -> int:
    """27 mobile clinics for the national 5,205 facilities, in proportion for smaller sets."""
    if total < 2 * len(DIRECTORATE_POPULATION):
        return 0
    return max(1, round(MOBILE_CLINICS_NATIONALLY * total / FACILITIES_NATIONALLY))


def facilities_plan(
    *, rng: random.Random, total: int, code_prefix: str, mobile_clinics: int | None = None
) -> list[Facility]:
    """`total` unsaved facilities over every directorate, codes `<prefix><directorate>-<n>`."""
    directorates = {d.code: d for d in Directorate.objects.select_related("governorate")}
    weights = {code: DIRECTORATE_POPULATION.get(code, 5) for code in directorates}
    mobile = mobile_clinic_count(total) if mobile_clinics is None else mobile_clinics
    mobile_by_directorate = _largest_remainder(
        mobile,
        {
            code: weights[code]
            for code, directorate in directorates.items()
            if directorate.governorate.code in MOBILE_CLINIC_GOVERNORATES
        },
    )
    # Every directorate has its hospital and office before the rest is shared by population.
    base = min(2, (total - mobile) // len(directorates))
    fixed_by_directorate = _largest_remainder(total - mobile - base * len(directorates), weights)
    kinds, shares = zip(*KIND_SHARES.items(), strict=True)
    facilities = []
    for code, directorate in directorates.items():
        fixed = base + fixed_by_directorate[code]
        planned = [Kind.HOSPITAL, Kind.DIRECTORATE_OFFICE][:fixed]
        planned += rng.choices(kinds, weights=shares, k=max(0, fixed - 2))
        planned += [Kind.MOBILE_CLINIC] * mobile_by_directorate.get(code, 0)
        for number, kind in enumerate(planned, start=1):
            facilities.append(
                _facility(
                    code=f"{code_prefix}{code}-{number:04d}",
                    kind=kind,
                    directorate=directorate,
                    number=number,
                    rng=rng,
                )
            )
    return facilities


@lru_cache(maxsize=200_000)
def _key(name: str) -> str:
    return name_normalise(name)


@lru_cache(maxsize=200_000)
def _skeleton(name: str) -> str:
    return name_skeleton(name)


def health_workers_plan(
    *,
    rng: random.Random,
    total: int,
    facilities: list[Facility],
    id_prefix: str,
    id_start: int = 1,
) -> Iterator[HealthWorker]:
    """`total` unsaved health workers over saved `facilities`, with name keys filled in.

    Licence numbers read `<id_prefix><number>`; national IDs are 12 digits whose last digits
    repeat the number, so two runs with different prefixes and starts never collide.
    """
    cadres = list(Cadre.objects.all())
    cadre_weights = [CADRE_MIX.get(c.code, (1, 0.5))[0] for c in cadres]
    women = {c.pk: CADRE_MIX.get(c.code, (1, 0.5))[1] for c in cadres}
    facility_weights = [KIND_STAFFING[f.kind] * (f.beds or 100) / 100 for f in facilities]
    chosen_facilities = rng.choices(facilities, weights=facility_weights, k=total)
    chosen_cadres = rng.choices(cadres, weights=cadre_weights, k=total)
    id_base = 100_000_000_000 + (sum(map(ord, id_prefix)) % 800) * 1_000_000_000
    for offset in range(total):
        number = id_start + offset
        facility, cadre = chosen_facilities[offset], chosen_cadres[offset]
        female = rng.random() < women[cadre.pk]
        kurdish = rng.random() < KURDISH_SHARE.get(facility.governorate.code, 0.0)
        name_ar, name_latin = person_name(rng, kurdish=kurdish, female=female)
        draw = rng.random()
        yield HealthWorker(
            name_ar=name_ar,
            name_latin=name_latin,
            name_key=_key(name_ar),
            name_latin_key=_key(name_latin),
            name_skeleton=_skeleton(name_ar),
            licence_number=f"{id_prefix}{number:07d}" if draw < 0.75 else None,
            national_id=str(id_base + number) if draw > 0.4 else None,
            sex="F" if female else "M",
            cadre=cadre,
            facility=facility,
            phone=f"07{rng.choice('5789')}{rng.randrange(10**8):08d}" if draw < 0.85 else "",
        )
