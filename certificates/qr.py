"""QR code matrices for certificates: libqrencode (C, Debian's libqrencode4) or segno.

Encoding is a third of a certificate's render time with segno (pure Python), so the C library is
used when present. Both use one fixed mask pattern: scoring all eight (what encoders do by default)
only picks the one a scanner reads a little more easily, costs most of the encoding time, and any
mask is a valid code.

The text is split into segments of the densest mode each part allows: trailing digits in numeric
mode (3.3 bits a digit), the rest alphanumeric (5.5 bits a character) when it is all capitals,
digits and ` $%*+-./:`, else bytes. The code takes the smallest version at level L, then the
highest error correction level that still fits that version (fewer, larger modules are what a
low-resolution scan needs; spare room goes to error correction).
"""

import ctypes
import ctypes.util
import re
from functools import lru_cache

import segno
from segno import consts


class _QRcode(ctypes.Structure):
    _fields_ = [
        ("version", ctypes.c_int),
        ("width", ctypes.c_int),
        ("data", ctypes.POINTER(ctypes.c_ubyte)),
    ]


def _load_libqrencode():
    name = ctypes.util.find_library("qrencode")
    if not name:
        return None
    try:
        library = ctypes.CDLL(name)
    except OSError:
        return None
    library.QRcode_free.argtypes = [ctypes.POINTER(_QRcode)]
    library.QRinput_new2.restype = ctypes.c_void_p
    library.QRinput_new2.argtypes = [ctypes.c_int, ctypes.c_int]
    library.QRinput_append.restype = ctypes.c_int
    library.QRinput_append.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_char_p]
    library.QRinput_free.argtypes = [ctypes.c_void_p]
    library.QRcode_encodeMask.restype = ctypes.POINTER(_QRcode)
    library.QRcode_encodeMask.argtypes = [ctypes.c_void_p, ctypes.c_int]
    return library


_libqrencode = _load_libqrencode()
_DARK_RUN = re.compile(b"\x01+")
LEVELS = "LMQH"  # libqrencode's QR_ECLEVEL_L .. QR_ECLEVEL_H are 0 .. 3
_MODES = {"numeric": 0, "alphanumeric": 1, "byte": 2}
_SEGNO_MODES = {
    "numeric": consts.MODE_NUMERIC,
    "alphanumeric": consts.MODE_ALPHANUMERIC,
    "byte": consts.MODE_BYTE,
}
_SAMPLE = {"numeric": b"0", "alphanumeric": b"A", "byte": b"a"}
_MASK = 4
_DARK_BIT = bytes(value & 1 for value in range(256))  # libqrencode's bit 0 is "dark"
_ALPHANUMERIC = re.compile(r"[0-9A-Z $%*+\-./:]*")
_TRAILING_DIGITS = re.compile(r"[0-9]{12,}$")  # shorter runs cost more in a segment header


def qr_segments(text: str) -> tuple[tuple[str, str], ...]:
    """`text` as (content, mode) segments: trailing digits numeric, the rest as dense as it can."""
    digits = _TRAILING_DIGITS.search(text)
    head = text[: digits.start()] if digits else text
    segments = []
    if head:
        mode = "alphanumeric" if _ALPHANUMERIC.fullmatch(head) else "byte"
        segments.append((head, mode))
    if digits:
        segments.append((digits.group(), "numeric"))
    return tuple(segments)


def _encode(segments, *, version: int, level: int):
    qr_input = _libqrencode.QRinput_new2(version, level)
    try:
        for content, mode in segments:
            data = content.encode() if isinstance(content, str) else content
            if _libqrencode.QRinput_append(qr_input, _MODES[mode], len(data), data) != 0:
                raise ValueError("QR input too long")
        pointer = _libqrencode.QRcode_encodeMask(qr_input, _MASK)
    finally:
        _libqrencode.QRinput_free(qr_input)
    if not pointer:
        raise ValueError("QR input too long")
    return pointer


@lru_cache(maxsize=64)
def qr_version_and_level(shape: tuple[tuple[str, int], ...]) -> tuple[int, str]:
    """The smallest version at level L for segments of these (mode, length), and the highest
    level that still fits it; certificates of one site share one shape, so this runs once."""
    segments = [(_SAMPLE[mode] * length, mode) for mode, length in shape]
    if _libqrencode is None:
        code = segno.make_qr(_segno(segments), error="l", mask=_MASK, boost_error=True)
        return code.version, code.error.upper()
    fitted = []
    for level in range(len(LEVELS)):
        pointer = _encode(segments, version=fitted[0] if fitted else 0, level=level)
        version = pointer.contents.version
        _libqrencode.QRcode_free(pointer)
        if fitted and version > fitted[0]:
            break
        fitted[:] = [version, level]
    return fitted[0], LEVELS[fitted[1]]


def qr_matrix(text: str) -> list[bytes]:
    """The QR code of `text` as rows of 0/1 bytes (1 is dark), without the quiet zone."""
    segments = qr_segments(text)
    version, level = qr_version_and_level(
        tuple((mode, len(content.encode())) for content, mode in segments)
    )
    if _libqrencode is not None:
        pointer = _encode(segments, version=version, level=LEVELS.index(level))
        try:
            width = pointer.contents.width
            raw = ctypes.string_at(pointer.contents.data, width * width)
        finally:
            _libqrencode.QRcode_free(pointer)
        dark = raw.translate(_DARK_BIT)
        return [dark[row * width : (row + 1) * width] for row in range(width)]
    code = segno.make_qr(
        _segno(segments), version=version, error=level.lower(), mask=_MASK, boost_error=False
    )
    return [bytes(row) for row in code.matrix]


def _segno(segments) -> list:
    return [
        (content if isinstance(content, bytes) else content.encode(), _SEGNO_MODES[mode])
        for content, mode in segments
    ]


def qr_runs(text: str) -> tuple[int, list[tuple[int, int, int]]]:
    """The QR code as horizontal runs of dark modules: (size, [(row, column, length)])."""
    matrix = qr_matrix(text)
    stride = len(matrix) + 1
    runs = [
        (*divmod(match.start(), stride), match.end() - match.start())
        for match in _DARK_RUN.finditer(b"\0".join(matrix))
    ]
    return len(matrix), runs
