import pytest

from certificates.models import CertificateTemplate
from tests.certificates.pdftools import pdf_text

pytestmark = pytest.mark.django_db


def test_template_snippet_is_listed_in_the_admin(client, admin_user, default_template):
    client.force_login(admin_user)

    response = client.get("/admin/snippets/certificates/certificatetemplate/")

    assert response.status_code == 200
    assert "Ministry default" in response.content.decode()


def test_admin_preview_draws_the_template_with_sample_data(client, admin_user):
    template = CertificateTemplate.objects.create(name="Kurdistan", layout="en_ckb")
    client.force_login(admin_user)
    url = f"/admin/snippets/certificates/certificatetemplate/preview/{template.pk}/"
    form = {
        "name": "Kurdistan",
        "layout": "en_ckb",
        "title_en": "Certificate of Attendance",
        "title_ar": "شهادة حضور",
        "title_ckb": "بڕوانامەی ئامادەبوون",
        "accent_colour": "#123456",
        "signatories-TOTAL_FORMS": "0",
        "signatories-INITIAL_FORMS": "0",
        "signatories-MIN_NUM_FORMS": "0",
        "signatories-MAX_NUM_FORMS": "3",
    }

    assert client.post(url, form).json()["is_valid"]
    response = client.get(url)

    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)[0]
    assert "بڕوانامەی ئامادەبوون" in text
    assert "زەینەب هاوڕێ ساڵح" in text
