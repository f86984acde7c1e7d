"""Attachments: type decided by content, size limited, photo metadata removed, bytes encrypted."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image

from conftest import actor_of
from corridor.audit.models import AuditEntry
from corridor.cases.models import Attachment
from corridor.cases.services import attachment_add, attachment_download

pytestmark = pytest.mark.django_db


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (32, 24), (200, 40, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (13.0, 41.0, 0.0), 3: "E", 4: (101.0, 15.0, 0.0)}  # GPS IFD: Rayong
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_it_strips_gps_and_camera_data_from_photos(a_case, caseworker):
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif()
    attachment = attachment_add(actor=actor_of(caseworker), case=a_case, filename="payslip.jpeg", content=original)
    stored = attachment_download(actor=actor_of(caseworker), attachment=attachment)
    cleaned = Image.open(io.BytesIO(stored))
    assert not cleaned.getexif()
    assert b"PhoneMaker" not in stored
    assert attachment.content_type == "image/jpeg" and attachment.filename == "payslip.jpg"


def test_it_keeps_the_bytes_encrypted_on_disk(a_case, caseworker):
    pdf = b"%PDF-1.4\n% Employer letter keeping passport N0123456\n%%EOF\n"
    attachment = attachment_add(actor=actor_of(caseworker), case=a_case, filename="letter.pdf", content=pdf)
    on_disk = next(Path(settings.MEDIA_ROOT).rglob(f"{attachment.pk}.bin")).read_bytes()
    assert b"N0123456" not in on_disk and b"%PDF" not in on_disk
    assert attachment_download(actor=actor_of(caseworker), attachment=attachment) == pdf
    assert AuditEntry.objects.filter(action="download", object_id=str(attachment.pk)).exists()


@pytest.mark.parametrize("content", [b"MZ\x90\x00 windows executable", b"<html><script>", b"PK\x03\x04zip"])
def test_it_refuses_files_whose_content_is_not_an_allowed_type(a_case, caseworker, content):
    with pytest.raises(ValidationError, match="Only PDF"):
        attachment_add(actor=actor_of(caseworker), case=a_case, filename="photo.jpg", content=content)
    assert not Attachment.objects.exists()


def test_it_refuses_files_over_the_limit_and_empty_files(a_case, caseworker, settings):
    settings.CORRIDOR_ATTACHMENT_MAX_BYTES = 2048
    with pytest.raises(ValidationError, match="too large"):
        attachment_add(actor=actor_of(caseworker), case=a_case, filename="big.pdf", content=b"%PDF-" + b"0" * 4096)
    with pytest.raises(ValidationError, match="empty"):
        attachment_add(actor=actor_of(caseworker), case=a_case, filename="empty.pdf", content=b"")
    assert not Attachment.objects.exists()


def test_it_refuses_a_damaged_image(a_case, caseworker):
    with pytest.raises(ValidationError, match="damaged"):
        attachment_add(actor=actor_of(caseworker), case=a_case, filename="x.png", content=b"\x89PNG\r\n\x1a\nbroken")
