"""The same certificate from HTML with WeasyPrint, for the benchmark's comparison only."""

from django.template.loader import render_to_string
from django.utils import translation

from certificates.pdf import CertificateFacts, CertificateLook, _labels
from certificates.qr import qr_matrix
from core.pdf.fonts import FONT_DIR


def _qr_svg(text: str) -> str:
    matrix = qr_matrix(text)
    size = len(matrix) + 4
    cells = "".join(
        f'<rect x="{x + 2}" y="{y + 2}" width="1" height="1"/>'
        for y, row in enumerate(matrix)
        for x, dark in enumerate(row)
        if dark
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}">{cells}</svg>'


def render_html_certificate(look: CertificateLook, facts: CertificateFacts) -> bytes:
    """Render one certificate from HTML (WeasyPrint must be installed: the `dev` extra)."""
    from weasyprint import HTML

    names = {"en": facts.holder_latin, "ar": facts.holder_arabic, "ckb": facts.holder_arabic}
    date = facts.completed_on.isoformat()
    lines = [
        {
            "dir": "ltr" if code == "en" else "rtl",
            "title": look.titles.get(code, ""),
            "certifies": _labels(code)["certifies"],
            "name": names[code],
            "completed": _labels(code)["completed"],
            "course": facts.course_titles.get(code, ""),
            "hours": f"{facts.cme_hours} {_labels(code)['hours']} · {_labels(code)['on']} {date}",
        }
        for code in look.languages
    ]
    with translation.override("en"):
        html = render_to_string(
            "certificates/certificate_weasy.html",
            {
                "look": look,
                "facts": facts,
                "lines": lines,
                "qr_svg": _qr_svg(facts.qr_payload or facts.verification_url),
                "font_dir": FONT_DIR.as_uri(),
            },
        )
    return HTML(string=html).write_pdf()
