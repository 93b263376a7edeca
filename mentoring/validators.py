"""Validators for what people type into the bases."""

import re

from django.core.exceptions import ValidationError

TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")


def no_markup(value):
    """Refuse HTML tags: texts of the bases are plain text (they also go into documents and exports)."""
    if isinstance(value, str) and TAG.search(value):
        raise ValidationError("Уберите HTML-разметку: здесь допускается только обычный текст.", code="markup")


SCAN_KINDS = {"PDF": ("pdf", "application/pdf"), "JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png")}


def parsed_scan_kind(upload) -> str | None:
    """«PDF», «JPEG» or «PNG» when the file really is one (pypdf opens the PDF and reads its pages; Pillow
    verifies the image), else None: a file that only starts like a PDF (an HTML page behind «%PDF») is refused."""
    from PIL import Image, UnidentifiedImageError
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    head = upload.read(8)
    upload.seek(0)
    try:
        if head.startswith(b"%PDF"):
            return "PDF" if len(PdfReader(upload, strict=True).pages) > 0 else None
        if head.startswith((b"\xff\xd8\xff", b"\x89PNG")):
            with Image.open(upload) as image:
                image.verify()
                return image.format if image.format in SCAN_KINDS else None
        return None
    except (PyPdfError, UnidentifiedImageError, OSError, ValueError, KeyError, TypeError, SyntaxError):
        return None
    finally:
        upload.seek(0)
