"""Read produced PDFs back with poppler, the way a reader's tools would."""

import re
import subprocess
import tempfile
from pathlib import Path

_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def pdf_text(data: bytes) -> list[str]:
    """The text of each page as pdftotext extracts it, without the bidi marks poppler adds."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(data)
        output = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"],
            capture_output=True,
            check=True,
            text=True,
        ).stdout
    return [_BIDI_CONTROLS.sub("", page) for page in output.split("\f")[:-1] or [output]]


def pdf_qr_codes(data: bytes, *, resolution: int = 150, grey: bool = False) -> list[str]:
    """The QR codes on the first page, decoded by zbarimg from a pdftoppm rendering."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(data)
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(resolution),
                "-f",
                "1",
                "-l",
                "1",
                "-png",
                *(["-gray"] if grey else []),
                str(path),
                str(Path(folder) / "page"),
            ],
            check=True,
        )
        image = next(Path(folder).glob("page*.png"))
        result = subprocess.run(
            ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
            capture_output=True,
            text=True,
        )
    return [line for line in result.stdout.splitlines() if line]


def pdf_page_image(data: bytes, *, resolution: int = 100):
    """The first page as a greyscale Pillow image, rasterised by pdftoppm."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(data)
        subprocess.run(
            ["pdftoppm", "-r", str(resolution), "-f", "1", "-l", "1", "-gray", "-png"]
            + [str(path), str(Path(folder) / "page")],
            check=True,
        )
        with Image.open(next(Path(folder).glob("page*.png"))) as image:
            return image.convert("L")


def ink_rows(image, *, columns: tuple[int, int] | None = None, dark: int = 200) -> set[int]:
    """Rows of pixels (top = 0) holding ink darker than `dark`, within `columns` if given."""
    left, right = columns or (0, image.width)
    region = image.crop((left, 0, right, image.height)).point(lambda value: value < dark and 255)
    width = region.width
    pixels = region.tobytes()
    return {row for row in range(region.height) if any(pixels[row * width : (row + 1) * width])}


def ink_difference(one, other, *, dark: int = 200):
    """(columns, rows) bounds of the pixels inked in `one` but not in `other`, or None."""
    from PIL import ImageChops

    mask = ImageChops.subtract(other, one).point(lambda value: value > 255 - dark and 255)
    return mask.getbbox()
