"""Checking, cleaning, encrypting and storing the bytes of case attachments."""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from corridor.core.crypto import key_ring

# Types are decided by the file's first bytes, never by its name or the browser's claim.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)
PIL_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}
EXTENSIONS = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


@dataclass(frozen=True)
class CleanFile:
    content: bytes
    content_type: str
    sha256: str


def sniff(head: bytes) -> str | None:
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def _strip_image(content: bytes, content_type: str) -> bytes:
    """Re-encode the pixels only: EXIF (GPS position, phone model), XMP and comments are dropped."""
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.load()
            upright = ImageOps.exif_transpose(image) or image
            # A fresh image from the raw pixels carries no info dict, so nothing else survives.
            clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())
            palette = upright.getpalette() if upright.mode == "P" else None
            if palette:
                clean.putpalette(palette)
            out = io.BytesIO()
            options = {"quality": 90} if content_type == "image/jpeg" else {}
            clean.save(out, format=PIL_FORMATS[content_type], **options)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise ValidationError(_("This image file is damaged and cannot be read.")) from None


def clean_upload(content: bytes) -> CleanFile:
    limit = settings.CORRIDOR_ATTACHMENT_MAX_BYTES
    if len(content) == 0:
        raise ValidationError(_("The file is empty."))
    if len(content) > limit:
        raise ValidationError(_("The file is too large. The limit is %(limit)s.") % {"limit": filesizeformat(limit)})
    content_type = sniff(content[:16])
    if content_type is None:
        raise ValidationError(_("Only PDF documents and JPEG, PNG or WebP photos can be attached."))
    if content_type in PIL_FORMATS:
        content = _strip_image(content, content_type)
    return CleanFile(content=content, content_type=content_type, sha256=hashlib.sha256(content).hexdigest())


def _path_for(attachment_id: UUID) -> Path:
    return Path(settings.MEDIA_ROOT) / "attachments" / str(attachment_id)[:2] / f"{attachment_id}.bin"


def store_encrypted(attachment_id: UUID, content: bytes) -> None:
    path = _path_for(attachment_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    blob = key_ring().encrypt(content, context=f"attachment:{attachment_id}")
    temporary = path.with_suffix(".tmp")
    temporary.write_bytes(blob)
    os.replace(temporary, path)


def read_blob(attachment_id: UUID) -> bytes:
    return _path_for(attachment_id).read_bytes()


def read_decrypted(attachment_id: UUID) -> bytes:
    return key_ring().decrypt(read_blob(attachment_id), context=f"attachment:{attachment_id}")
