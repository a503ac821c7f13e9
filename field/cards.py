"""QR codes of the field app: the participant's card on My learning, and the enrolment code."""

import io

from django.template.loader import render_to_string

# What a participant's card encodes: this prefix and the health worker's id (docs/field-app.md).
CARD_PREFIX = "CME-HW:"


def qr_svg(text: str, *, scale: int = 5) -> str:
    """A standalone SVG QR code of `text`, ready to put in a page."""
    import segno

    # A standalone SVG needs its namespace (svg_inline leaves it out), or browsers draw nothing;
    # a viewBox instead of a fixed size lets the page's CSS (.qr svg) scale it to a phone.
    # make_qr, not make: a short text would become a Micro QR code, which zbar and phones'
    # BarcodeDetector do not read.
    buffer = io.BytesIO()
    segno.make_qr(text, error="m").save(
        buffer, kind="svg", scale=scale, xmldecl=False, omitsize=True
    )
    return buffer.getvalue().decode()


def card_text(health_worker) -> str:
    """What the participant's card encodes: `CME-HW:<health worker id>`."""
    return f"{CARD_PREFIX}{health_worker.pk}"


def my_learning_card(request, health_worker) -> str:
    """My learning's "My card": the code a trainer's phone scans, the name and licence beneath."""
    text = card_text(health_worker)
    return render_to_string(
        "field/includes/my_card.html",
        {"worker": health_worker, "qr": qr_svg(text), "text": text},
        request=request,
    )
