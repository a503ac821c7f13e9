"""Realistic names for demo and benchmark data: Arabic and Kurdish given and family names.

Each entry is (Arabic script as an Iraqi clerk would write it, a common Latin transliteration).
Kurdish names are in Sorani orthography (ێ ۆ ڕ ڵ ە), which the name normalisation folds.
"""

import random

ARABIC_MALE = [
    ("أحمد", "Ahmed"),
    ("محمد", "Mohammed"),
    ("علي", "Ali"),
    ("حسين", "Hussein"),
    ("حسن", "Hassan"),
    ("عباس", "Abbas"),
    ("مصطفى", "Mustafa"),
    ("عمر", "Omar"),
    ("خالد", "Khalid"),
    ("يوسف", "Yousif"),
    ("إبراهيم", "Ibrahim"),
    ("كريم", "Kareem"),
    ("حيدر", "Haider"),
    ("سجاد", "Sajjad"),
    ("مرتضى", "Murtadha"),
    ("عبد الله", "Abdullah"),
    ("عبد الرحمن", "Abdulrahman"),
    ("قاسم", "Qasim"),
    ("جاسم", "Jasim"),
    ("سعد", "Saad"),
    ("فاضل", "Fadhil"),
    ("ماجد", "Majid"),
    ("رعد", "Raad"),
    ("سلام", "Salam"),
    ("أمير", "Ameer"),
    ("زيد", "Zaid"),
    ("ياسر", "Yasir"),
    ("نبيل", "Nabeel"),
    ("وليد", "Waleed"),
    ("طارق", "Tariq"),
    ("منتظر", "Muntadhar"),
    ("أسامة", "Osama"),
    ("هادي", "Hadi"),
    ("جعفر", "Jaafar"),
    ("صادق", "Sadiq"),
    ("مهدي", "Mahdi"),
]

ARABIC_FEMALE = [
    ("فاطمة", "Fatima"),
    ("زينب", "Zainab"),
    ("مريم", "Maryam"),
    ("نور", "Noor"),
    ("سارة", "Sara"),
    ("رقية", "Ruqaya"),
    ("هدى", "Huda"),
    ("إسراء", "Israa"),
    ("آية", "Aya"),
    ("دعاء", "Duaa"),
    ("شيماء", "Shaimaa"),
    ("رنا", "Rana"),
    ("سجى", "Saja"),
    ("زهراء", "Zahraa"),
    ("بنين", "Baneen"),
    ("رؤى", "Ruaa"),
    ("أسماء", "Asmaa"),
    ("حنان", "Hanan"),
    ("سهى", "Suha"),
    ("ليلى", "Layla"),
    ("هبة", "Hiba"),
    ("مروة", "Marwa"),
    ("نادية", "Nadia"),
    ("وفاء", "Wafaa"),
    ("أمل", "Amal"),
    ("رشا", "Rasha"),
    ("غدير", "Ghadeer"),
    ("طيبة", "Taiba"),
    ("ضحى", "Dhuha"),
    ("آمنة", "Amna"),
]

ARABIC_FAMILY = [
    ("الجبوري", "Al-Jubouri"),
    ("الدليمي", "Al-Dulaimi"),
    ("العبيدي", "Al-Obaidi"),
    ("التميمي", "Al-Tamimi"),
    ("الساعدي", "Al-Saadi"),
    ("الخفاجي", "Al-Khafaji"),
    ("الربيعي", "Al-Rubaie"),
    ("الزبيدي", "Al-Zubaidi"),
    ("الشمري", "Al-Shammari"),
    ("الكعبي", "Al-Kaabi"),
    ("الموسوي", "Al-Moussawi"),
    ("الحسيني", "Al-Husseini"),
    ("العزاوي", "Al-Azzawi"),
    ("الجنابي", "Al-Janabi"),
    ("المالكي", "Al-Maliki"),
    ("الأسدي", "Al-Asadi"),
    ("البياتي", "Al-Bayati"),
    ("الحمداني", "Al-Hamdani"),
    ("الطائي", "Al-Taie"),
    ("اللامي", "Al-Lami"),
    ("السامرائي", "Al-Samarrai"),
    ("الكرخي", "Al-Karkhi"),
    ("البصري", "Al-Basri"),
    ("النجفي", "Al-Najafi"),
    ("الحلي", "Al-Hilli"),
    ("العامري", "Al-Amiri"),
    ("الفتلاوي", "Al-Fatlawi"),
    ("الكناني", "Al-Kinani"),
]

KURDISH_MALE = [
    ("کاروان", "Karwan"),
    ("ئازاد", "Azad"),
    ("هێمن", "Hemin"),
    ("ڕێبوار", "Rebwar"),
    ("دڵشاد", "Dilshad"),
    ("شۆڕش", "Shorsh"),
    ("سەردار", "Sardar"),
    ("بەختیار", "Bakhtiyar"),
    ("هەڵۆ", "Halo"),
    ("ئاراس", "Aras"),
    ("ڕزگار", "Rizgar"),
    ("سیروان", "Sirwan"),
    ("کۆسرەت", "Kosrat"),
    ("نەوزاد", "Nawzad"),
    ("هاوڕێ", "Hawre"),
    ("ئومێد", "Omed"),
    ("پشتیوان", "Pishtiwan"),
    ("زانا", "Zana"),
    ("شوان", "Shwan"),
    ("دیاری", "Diyari"),
]

KURDISH_FEMALE = [
    ("شیلان", "Shilan"),
    ("هێرۆ", "Hero"),
    ("ڕوناک", "Runak"),
    ("ژیان", "Zhiyan"),
    ("نەسرین", "Nasreen"),
    ("کوردستان", "Kurdistan"),
    ("ئاڤێستا", "Avesta"),
    ("بەهار", "Bahar"),
    ("دڵنیا", "Dilniya"),
    ("شنۆ", "Shno"),
    ("ڤیان", "Vian"),
    ("گوڵاڵە", "Gulala"),
    ("سۆزان", "Sozan"),
    ("هاوژین", "Hawzhin"),
    ("چرا", "Chra"),
    ("ئاوات", "Awat"),
    ("لانە", "Lana"),
    ("پەیام", "Payam"),
]

KURDISH_FAMILY = [
    ("بارزانی", "Barzani"),
    ("تاڵەبانی", "Talabani"),
    ("هەورامی", "Hawrami"),
    ("جاف", "Jaff"),
    ("زەنگەنە", "Zangana"),
    ("دزەیی", "Dizayee"),
    ("سۆرانی", "Sorani"),
    ("بادینی", "Badini"),
    ("هەرکی", "Harki"),
    ("مەحمود", "Mahmood"),
    ("ئەحمەد", "Ahmad"),
    ("عەزیز", "Aziz"),
    ("ڕەشید", "Rashid"),
    ("کەریم", "Karim"),
]

# A clerk typing on a keyboard without hamza keys, or copying from a sign-in sheet.
_CLERK_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})


def person_name(rng: random.Random, *, kurdish: bool, female: bool) -> tuple[str, str]:
    """A three-part name (given, father's, family) in Arabic script and Latin script."""
    if kurdish:
        given = KURDISH_FEMALE if female else KURDISH_MALE
        fathers, family = KURDISH_MALE, KURDISH_FAMILY
    else:
        given = ARABIC_FEMALE if female else ARABIC_MALE
        fathers, family = ARABIC_MALE, ARABIC_FAMILY
    parts = [rng.choice(given), rng.choice(fathers), rng.choice(family)]
    name_ar = " ".join(part[0] for part in parts)
    if not kurdish and rng.random() < 0.2:
        name_ar = name_ar.translate(_CLERK_VARIANTS)
    return name_ar, " ".join(part[1] for part in parts)
