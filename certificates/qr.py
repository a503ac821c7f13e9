"""QR code matrices for certificates: libqrencode (C, Debian's libqrencode4) or segno.

Encoding is a third of a certificate's render time with segno (pure Python), so the C library is
used when present; both give a standard QR code with error correction level M.
"""

import ctypes
import ctypes.util

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
    library.QRcode_encodeString.restype = ctypes.POINTER(_QRcode)
    library.QRcode_encodeString.argtypes = [
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_int,
    ]
    library.QRcode_free.argtypes = [ctypes.POINTER(_QRcode)]
    return library


_libqrencode = _load_libqrencode()
_LEVEL_M = 1
_MODE_8 = 2


def qr_matrix(text: str) -> list[bytes]:
    """The QR code of `text` as rows of 0/1 bytes (1 is dark), without the quiet zone."""
    if _libqrencode is not None:
        pointer = _libqrencode.QRcode_encodeString(text.encode(), 0, _LEVEL_M, _MODE_8, 1)
        if pointer:
            try:
                width = pointer.contents.width
                raw = ctypes.string_at(pointer.contents.data, width * width)
            finally:
                _libqrencode.QRcode_free(pointer)
            dark = raw.translate(bytes(value & 1 for value in range(256)))
            return [dark[row * width : (row + 1) * width] for row in range(width)]
    # Without the C library: a fixed mask skips segno's scoring of all eight masks (any mask
    # gives a valid code).
    code = segno.make_qr(text, error="m", mask=4, boost_error=False)
    return [bytes(row) for row in code.matrix]


def qr_runs(text: str) -> tuple[int, list[tuple[int, int, int]]]:
    """The QR code as horizontal runs of dark modules: (size, [(row, column, length)])."""
    matrix = qr_matrix(text)
    runs = []
    for row_number, row in enumerate(matrix):
        column = row.find(1)
        while column != -1:
            end = row.find(0, column)
            if end == -1:
                end = len(row)
            runs.append((row_number, column, end - column))
            column = row.find(1, end)
    return len(matrix), runs
