"""QR code matrices for certificates: libqrencode (C, Debian's libqrencode4) or segno.

Encoding is a third of a certificate's render time with segno (pure Python), so the C library is
used when present; both give a standard QR code with error correction level M. Both use one
fixed mask pattern: scoring all eight (what encoders do by default) only picks the one a scanner
reads a little more easily, costs most of the encoding time, and any mask is a valid code.
"""

import ctypes
import ctypes.util
import re

import segno


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
_LEVEL_M = 1
_MODE_8 = 2
_MASK = 4
_DARK_BIT = bytes(value & 1 for value in range(256))  # libqrencode's bit 0 is "dark"


def qr_matrix(text: str) -> list[bytes]:
    """The QR code of `text` as rows of 0/1 bytes (1 is dark), without the quiet zone."""
    if _libqrencode is not None:
        data = text.encode()
        qr_input = _libqrencode.QRinput_new2(0, _LEVEL_M)
        try:
            if _libqrencode.QRinput_append(qr_input, _MODE_8, len(data), data) != 0:
                raise ValueError("QR input too long")
            pointer = _libqrencode.QRcode_encodeMask(qr_input, _MASK)
        finally:
            _libqrencode.QRinput_free(qr_input)
        if pointer:
            try:
                width = pointer.contents.width
                raw = ctypes.string_at(pointer.contents.data, width * width)
            finally:
                _libqrencode.QRcode_free(pointer)
            dark = raw.translate(_DARK_BIT)
            return [dark[row * width : (row + 1) * width] for row in range(width)]
    code = segno.make_qr(text, error="m", mask=_MASK, boost_error=False)
    return [bytes(row) for row in code.matrix]


def qr_runs(text: str) -> tuple[int, list[tuple[int, int, int]]]:
    """The QR code as horizontal runs of dark modules: (size, [(row, column, length)])."""
    matrix = qr_matrix(text)
    stride = len(matrix) + 1
    runs = [
        (*divmod(match.start(), stride), match.end() - match.start())
        for match in _DARK_RUN.finditer(b"\0".join(matrix))
    ]
    return len(matrix), runs
