"""Demo step: three complete courses from the ministry's programmes, in English, Arabic and Kurdish.

Over 300 lines because the three courses' pages, modules and translations are built in one pass
(their texts are data files under `demo/texts/`).

Translations are made with Wagtail's own locale tree copying (`copy_for_translation`) and then
written in full, so they can be edited in place; wagtail-localize's Translate action is available
for new pages in the admin.
"""

import io
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

from courses.collections import scope_collection
from courses.models import CourseIndexPage, CoursePage, CourseSectionPage, HomePage, ModulePage
from courses.moderation import trainer_page_groups_sync
from demo.texts import COURSES
from workforce.models import Cadre, Governorate, RoleAssignment

SITE_TEXT = {
    "home": {
        "en": (
            "CME Tracker",
            "<p>Continuing medical education for the health workers of Iraq and "
            "the Kurdistan Region: courses, workshops, attendance and certificates.</p>",
        ),
        "ar": (
            "متتبع التعليم الطبي المستمر",
            "<p>التعليم الطبي المستمر للعاملين الصحيين في العراق "
            "وإقليم كوردستان: الدورات وورش العمل والحضور والشهادات.</p>",
        ),
        "ckb": (
            "بەدواداچووی فێرکاریی پزیشکیی بەردەوام",
            "<p>فێرکاریی پزیشکیی بەردەوام بۆ کارمەندانی "
            "تەندروستی عێراق و هەرێمی کوردستان: خولەکان، وۆرکشۆپەکان، ئامادەبوون و "
            "بڕوانامەکان.</p>",
        ),
    },
    "catalogue": {
        "en": ("Courses", "<p>Every course published by the ministries' training centres.</p>"),
        "ar": ("الدورات", "<p>جميع الدورات التي نشرتها مراكز التدريب في الوزارتين.</p>"),
        "ckb": (
            "خولەکان",
            "<p>هەموو ئەو خولانەی سەنتەرەکانی ڕاهێنانی وەزارەتەکان بڵاویان کردوونەتەوە.</p>",
        ),
    },
    "KIR": {
        "en": (
            "Kirkuk courses",
            "<p>Courses written by the trainers of Kirkuk Health Directorate.</p>",
        ),
        "ar": ("دورات كركوك", "<p>دورات كتبها مدربو دائرة صحة كركوك.</p>"),
    },
    "ERB": {
        "en": (
            "Erbil courses",
            "<p>Courses written by the trainers of Erbil Health Directorate.</p>",
        ),
        "ar": ("دورات أربيل", "<p>دورات كتبها مدربو مديرية صحة أربيل.</p>"),
        "ckb": (
            "خولەکانی هەولێر",
            "<p>ئەو خولانەی ڕاهێنەرانی بەڕێوەبەرایەتی تەندروستی هەولێر نووسیویانن.</p>",
        ),
    },
}

IMAGE_TEXT = {
    "oxygen-sources": {
        "en": (
            "Three oxygen sources: a cylinder, a concentrator and a PSA plant feeding a pipeline",
            "Cylinder, concentrator and PSA plant",
        ),
        "ar": (
            "ثلاثة مصادر للأوكسجين: أسطوانة ومكثف ومحطة PSA تغذي الشبكة",
            "الأسطوانة والمكثف ومحطة PSA",
        ),
    },
    "herams-status": {
        "en": (
            "Bars showing services fully, partially and not available",
            "Service availability: fully (green), partially (amber), not available (red)",
        ),
        "ar": (
            "أعمدة تبين الخدمات المتوفرة كلياً وجزئياً وغير المتوفرة",
            "توفر الخدمات: كلياً (أخضر)، جزئياً (كهرماني)، غير متوفرة (أحمر)",
        ),
    },
    "triage-colours": {
        "en": ("Three triage cards: red, yellow and green", "Red: now. Yellow: next. Green: wait."),
        "ar": (
            "ثلاث بطاقات فرز: حمراء وصفراء وخضراء",
            "الأحمر: الآن. الأصفر: بعده. الأخضر: ينتظر.",
        ),
        "ckb": (
            "سێ کارتی پۆلێنکردن: سوور، زەرد و سەوز",
            "سوور: ئێستا. زەرد: دواتر. سەوز: چاوەڕێ بکە.",
        ),
    },
}

DOCUMENTS = {
    "cylinder-checklist": (
        "Oxygen cylinder safety checklist",
        False,
        [
            "Store cylinders upright, chained, in a ventilated room.",
            "No oil or grease on valves and regulators.",
            "Open valves slowly, standing to the side.",
            "Separate and label full and empty cylinders.",
            "Keep 3 metres from flames and heaters.",
        ],
    ),
    "restricted-supplier-contacts": (
        "Oxygen supplier and engineer on-call list (staff only)",
        True,
        [
            "Regional oxygen supplier: duty line (internal).",
            "Biomedical engineering unit: on-call engineer roster.",
            "Escalation: directorate technical affairs department.",
        ],
    ),
    "herams-questionnaire": (
        "HeRAMS facility questionnaire: field guide",
        False,
        [
            "Section A: facility identification and coordinates.",
            "Section B: functionality, accessibility and damage.",
            "Section C: service availability by area, with reasons.",
            "Section D: staff, beds, power and water.",
        ],
    ),
    "restricted-herams-credentials": (
        "HeRAMS data-collector account guide (staff only)",
        True,
        [
            "How to sign in to the data collection server.",
            "Who issues and resets accounts in your directorate.",
            "Never share your account with another collector.",
        ],
    ),
    "ipc-poster": (
        "Hand hygiene and waste sorting poster",
        False,
        [
            "Hand rub: 20 to 30 seconds, all surfaces.",
            "Sharps: safety box at the point of use.",
            "Infectious waste: yellow bag. General waste: black bag.",
        ],
    ),
    "oxygen-slides": (
        "Oxygen sources: slides",
        False,
        [
            "Cylinders: no power needed, limited volume.",
            "Concentrators: 5 to 10 L/min, need power.",
            "PSA plants: hospital scale, feed the pipeline.",
            "Always keep a back-up source.",
        ],
    ),
    "referral-slides": (
        "Referral from mobile clinics: slides",
        False,
        [
            "When to refer.",
            "The referral note.",
            "Transport and communication.",
            "Follow-up and counter-referral.",
        ],
    ),
}


# The handout's link text in the reader's language (the PDFs themselves are in English).
DOCUMENT_LINK_TEXT = {
    "cylinder-checklist": {
        "ar": "قائمة فحص سلامة أسطوانات الأوكسجين",
    },
    "restricted-supplier-contacts": {
        "ar": "قائمة مجهزي الأوكسجين والمهندسين المناوبين (للموظفين فقط)",
    },
    "herams-questionnaire": {"ar": "استبيان المرافق HeRAMS: دليل العمل الميداني"},
    "restricted-herams-credentials": {
        "ar": "دليل حسابات جامعي بيانات HeRAMS (للموظفين فقط)",
    },
    "ipc-poster": {
        "ar": "ملصق نظافة اليدين وفرز النفايات",
        "ckb": "پۆستەری پاکوخاوێنیی دەست و جیاکردنەوەی پاشماوە",
    },
    "oxygen-slides": {"ar": "مصادر الأوكسجين: الشرائح"},
    "referral-slides": {
        "ar": "الإحالة من العيادات المتنقلة: الشرائح",
        "ckb": "ڕەوانەکردن لە کلینیکە گەڕۆکەکانەوە: سلایدەکان",
    },
}


def _png(kind: str) -> bytes:
    """A small wordless teaching diagram (words belong in the translatable caption)."""
    from PIL import Image as PillowImage
    from PIL import ImageDraw

    picture = PillowImage.new("RGB", (720, 360), "#ffffff")
    draw = ImageDraw.Draw(picture)
    if kind == "oxygen-sources":
        draw.rounded_rectangle((60, 80, 140, 320), 30, fill="#1d2a33")
        draw.rounded_rectangle((60, 60, 140, 120), 30, fill="#f4f4f4", outline="#1d2a33", width=4)
        draw.rounded_rectangle((280, 150, 420, 320), 12, fill="#d5dde2", outline="#1d2a33", width=4)
        draw.ellipse((320, 180, 380, 240), fill="#0b6e4f")
        draw.rectangle((520, 120, 680, 320), fill="#5b6b76")
        draw.rectangle((560, 60, 600, 120), fill="#5b6b76")
        draw.line((170, 340, 690, 340), fill="#0b6e4f", width=10)
    elif kind == "herams-status":
        for index, (green, amber) in enumerate([(220, 60), (150, 90), (90, 120), (180, 40)]):
            left = 80 + index * 150
            draw.rectangle((left, 320 - green, left + 90, 320), fill="#1b7a43")
            draw.rectangle((left, 320 - green - amber, left + 90, 320 - green), fill="#e0a100")
            draw.rectangle((left, 40, left + 90, 320 - green - amber), fill="#a4161a")
    else:
        for index, colour in enumerate(["#c62828", "#f9a825", "#2e7d32"]):
            left = 60 + index * 220
            draw.rounded_rectangle((left, 80, left + 160, 280), 16, fill=colour)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _pdf(title: str, lines: list[str], *, landscape: bool) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pagesizes import landscape as turn
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    size = turn(A4) if landscape else A4
    document = canvas.Canvas(buffer, pagesize=size)
    document.setTitle(title)
    pages = [[line] for line in lines] if landscape else [lines]
    for page_lines in pages:
        document.setFont("Helvetica-Bold", 20)
        document.drawString(50, size[1] - 70, title)
        document.setFont("Helvetica", 14)
        for number, line in enumerate(page_lines):
            document.drawString(60, size[1] - 120 - number * 26, f"- {line}")
        document.showPage()
    document.save()
    return buffer.getvalue()


def _media() -> dict:
    """Images and documents of the demo courses, keyed as the teaching texts name them."""
    Image = get_image_model()
    Document = get_document_model()
    public = scope_collection()  # the demo courses are national
    restricted = Collection.objects.get(name="Restricted handouts")
    media = {}
    for key, (alt, _caption) in ((key, text["en"]) for key, text in IMAGE_TEXT.items()):
        image = Image.objects.filter(title=alt).first()
        if image is None:
            image = Image(title=alt, collection=public)
            image.file = ImageFile(io.BytesIO(_png(key)), name=f"{key}.png")
            image.save()
        media[key] = image.pk
    for key, (title, is_restricted, lines) in DOCUMENTS.items():
        document = Document.objects.filter(title=title).first()
        if document is None:
            content = _pdf(title, lines, landscape=key.endswith("slides"))
            document = Document(title=title, collection=restricted if is_restricted else public)
            document.file = ContentFile(content, name=f"{key}.pdf")
            document.save()
        media[key] = document.pk
    return media


def _stream(body: list, *, media: dict, language: str) -> list[dict]:
    blocks = []
    for kind, value in body:
        if kind in ("heading", "paragraph"):
            blocks.append({"type": kind, "value": value})
        elif kind == "image":
            alt, caption = IMAGE_TEXT[value].get(language, IMAGE_TEXT[value]["en"])
            blocks.append(
                {
                    "type": "image",
                    "value": {
                        "image": media[value],
                        "alt_text": alt,
                        "caption": caption,
                    },
                }
            )
        elif kind == "handout":
            blocks.append(
                {
                    "type": "handout",
                    "value": {
                        "document": media[value],
                        "title": DOCUMENT_LINK_TEXT[value].get(language, ""),
                        "description": "",
                    },
                }
            )
        elif kind == "slides":
            title = DOCUMENT_LINK_TEXT[value].get(language, "")
            blocks.append(
                {"type": "slide_deck", "value": {"document": media[value], "title": title}}
            )
        elif kind == "callout":
            callout_kind, title, text = value
            blocks.append(
                {
                    "type": "callout",
                    "value": {
                        "kind": callout_kind,
                        "title": title,
                        "text": text,
                    },
                }
            )
        elif kind == "checklist":
            title, items = value
            blocks.append({"type": "checklist", "value": {"title": title, "items": items}})
    return blocks


def _publish_translation(page: Page, *, language: str, **fields) -> Page:
    """The page's translation in the language (Wagtail's tree copy), filled and published."""
    locale = Locale.objects.get(language_code=language)
    translated = page.get_translation_or_none(locale)
    if translated is None:
        translated = page.copy_for_translation(locale)
    translated = translated.specific
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def _section(catalogue: CourseIndexPage, code: str) -> CourseSectionPage:
    governorate = Governorate.objects.get(code=code)
    section = CourseSectionPage.objects.filter(
        governorate=governorate, locale=catalogue.locale
    ).first()
    if section is None:
        title, intro = SITE_TEXT[code]["en"]
        section = catalogue.add_child(
            instance=CourseSectionPage(
                title=title, slug=code.lower(), intro=intro, governorate=governorate
            )
        )
        section.save_revision().publish()
    for language, (title, intro) in SITE_TEXT[code].items():
        if language != "en":
            _publish_translation(section, language=language, title=title, intro=intro)
    return section


def _course(parent: Page, data: dict, *, media: dict) -> CoursePage:
    fields = {
        "code": data["code"],
        "cme_hours": Decimal(data["cme_hours"]),
        "min_attendance_percent": data["min_attendance_percent"],
        "pass_mark_percent": data["pass_mark_percent"],
    }
    cadres = list(Cadre.objects.filter(code__in=data["cadres"]))
    course = CoursePage.objects.filter(code=data["code"], locale__language_code="en").first()
    if course is None:
        course = parent.add_child(
            instance=CoursePage(
                title=data["title"]["en"],
                slug=data["slug"],
                summary=data["summary"]["en"],
                objectives=data["objectives"]["en"],
                topic=data["topic"]["en"],
                accrediting_body=data["accrediting_body"]["en"],
                **fields,
            )
        )
        course.audience_cadres.set(cadres)
        course.save_revision().publish()
        for module_data in data["modules"]:
            module = course.add_child(
                instance=ModulePage(
                    title=module_data["title"]["en"],
                    slug=module_data["slug"],
                    body=_stream(module_data["body"]["en"], media=media, language="en"),
                )
            )
            module.save_revision().publish()
    languages = [language for language in data["title"] if language != "en"]
    for language in languages:
        translated = _publish_translation(
            course,
            language=language,
            title=data["title"][language],
            summary=data["summary"][language],
            objectives=data["objectives"][language],
            topic=data["topic"][language],
            accrediting_body=data["accrediting_body"][language],
        )
        translated.audience_cadres.set(cadres)
        translated.save_revision().publish()
        for module, module_data in zip(
            ModulePage.objects.child_of(course), data["modules"], strict=True
        ):
            _publish_translation(
                module,
                language=language,
                title=module_data["title"][language],
                body=_stream(module_data["body"][language], media=media, language=language),
            )
    return course


def seed_courses(*, rng, report) -> None:
    """The catalogue in three languages, two governorate sections and three complete courses."""
    home = HomePage.objects.get(locale__language_code="en")
    catalogue = CourseIndexPage.objects.get(locale__language_code="en")
    for page, key in ((home, "home"), (catalogue, "catalogue")):
        title, intro = SITE_TEXT[key]["en"]
        page.title, page.intro = title, intro
        page.save_revision().publish()
        for language in ("ar", "ckb"):
            title, intro = SITE_TEXT[key][language]
            _publish_translation(page, language=language, title=title, intro=intro)
    media = _media()
    for data in COURSES:
        parent = _section(catalogue, data["section"]) if data["section"] else catalogue
        _course(parent, data, media=media)
    for assignment in RoleAssignment.objects.filter(role__in=["trainer", "reviewer"]):
        trainer_page_groups_sync(user=assignment.user)
    report["courses"] = CoursePage.objects.live().filter(locale__language_code="en").count()
    report["modules"] = ModulePage.objects.live().count()
