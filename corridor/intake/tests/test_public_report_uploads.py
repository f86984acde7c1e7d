import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from corridor.cases import attachments
from corridor.intake.models import Report, RoutingRule
from corridor.intake.tests.flow import submit_report


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (12.0, 40.0, 5.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_it_strips_location_and_camera_details_from_photos(client, org):
    RoutingRule.objects.create(organisation=org)
    original = _jpeg_with_gps()
    assert b"PhoneMaker" in original
    photo = SimpleUploadedFile("passport.jpg", original, content_type="image/jpeg")
    response = submit_report(client, concerns=["documents_taken"], files=[photo])
    assert response.status_code == 200
    stored = attachments.read_decrypted(Report.objects.get().attachments.get().pk)
    assert b"PhoneMaker" not in stored
    assert not Image.open(io.BytesIO(stored)).getexif()


def test_it_refuses_a_file_that_is_not_a_photo_or_pdf_whatever_its_name(client, org):
    RoutingRule.objects.create(organisation=org)
    fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 not an image", content_type="image/jpeg")
    response = submit_report(client, concerns=["other"], files=[fake])
    assert response.status_code == 422
    assert "Only PDF documents" in response.content.decode()
    assert not Report.objects.exists()
