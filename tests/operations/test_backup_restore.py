"""`manage.py backup` and `restore`: what comes back, and what is refused (docs/operations.md)."""

import io
import json
import shutil
import tarfile

import pytest

from django.conf import settings
from django.core.management import CommandError, call_command

from certificates import identity
from certificates.models import Certificate
from operations.inventory import live_row_counts
from tests.factories.workforce import HealthWorkerFactory
from tests.operations.conftest import database_drop, stored_files

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_site_emptied_of_database_and_files_comes_back_whole_from_its_backup(
    site_with_records, backup, client
):
    archive = backup()
    rows, files = live_row_counts(), stored_files()
    database_drop()
    shutil.rmtree(settings.MEDIA_ROOT)
    shutil.rmtree(settings.PRIVATE_MEDIA_ROOT)
    output = io.StringIO()

    call_command("restore", str(archive), stdout=output)

    assert "All" in output.getvalue() and "tables match the backup" in output.getvalue()
    assert live_row_counts() == rows
    assert stored_files() == files
    assert sum(1 for name in files if name.startswith("private/certificates/")) == 3
    assert any(name.startswith("public/original_images/") for name in files)
    for certificate in Certificate.objects.all():
        answer = client.get(
            f"/verify/{certificate.verification_code}.json", {"s": certificate.signature}
        ).json()
        assert (answer["status"], answer["signature_valid"]) == ("valid", True)


def test_restoring_over_a_site_in_use_needs_yes_and_then_replaces_its_records(
    site_with_records, backup
):
    archive = backup()
    HealthWorkerFactory(name_latin="Added After The Backup")
    rows = live_row_counts()

    with pytest.raises(CommandError, match="in use.*--yes"):
        call_command("restore", str(archive), stdout=io.StringIO())
    assert live_row_counts() == rows

    call_command("restore", str(archive), "--yes", stdout=io.StringIO())
    assert live_row_counts()["workforce.HealthWorker"] == rows["workforce.HealthWorker"] - 1


def _flip_a_byte(archive):
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    archive.write_bytes(data)


def _checksum_again(archive):
    import hashlib

    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    archive.with_name(archive.name + ".sha256").write_text(f"{digest}  {archive.name}\n")


def _cut_in_half(archive):
    archive.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    _checksum_again(archive)


def _change_a_certificate_pdf(archive):
    """Rewrite the archive with one PDF changed, and a checksum file that matches the result."""
    with tarfile.open(archive, "r:gz") as source:
        members = [(member, source.extractfile(member).read()) for member in source]
    with tarfile.open(archive, "w:gz") as target:
        for member, data in members:
            if member.name.endswith(".pdf"):
                data = data.replace(b"%%EOF", b"%%EOF\n% changed")
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    _checksum_again(archive)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_flip_a_byte, "does not match its checksum"),
        (_cut_in_half, "cannot be read to its end"),
        (_change_a_certificate_pdf, "differ from its manifest"),
    ],
    ids=["one byte changed", "truncated", "a PDF changed, checksum redone"],
)
def test_a_damaged_archive_is_refused_and_nothing_changes(
    site_with_records, backup, damage, message
):
    archive = backup()
    HealthWorkerFactory(name_latin="Added After The Backup")
    rows, files = live_row_counts(), stored_files()
    damage(archive)

    with pytest.raises(CommandError, match=f"{message}.*Nothing on this site was changed"):
        call_command("restore", str(archive), "--yes", stdout=io.StringIO())

    assert live_row_counts() == rows
    assert stored_files() == files


def test_the_archive_holds_the_public_key_and_never_the_private_one(site_with_records, backup):
    archive = backup()
    seed = identity.signing_key().private_bytes_raw()

    with tarfile.open(archive, "r:gz") as opened:
        contents = {member.name: opened.extractfile(member).read() for member in opened}

    key = contents["keys/certificate-signing-key.pub.pem"].decode()
    assert key == identity.public_key_pem()
    for data in contents.values():
        assert seed not in data
        assert identity.b64url(seed).encode() not in data
        assert b"PRIVATE KEY" not in data


def test_the_manifest_says_what_the_backup_holds(site_with_records, backup):
    archive = backup()

    with tarfile.open(archive, "r:gz") as opened:
        manifest = json.load(opened.extractfile("manifest.json"))

    assert manifest["row_counts"]["certificates.Certificate"] == 3
    assert manifest["database_vendor"] in {"sqlite", "postgresql"}
    assert "0014_one_family_of_role_groups" in manifest["migrations"]["courses"]
    assert manifest["signing_key_id"] == identity.key_id()
    assert sum(name.startswith("media/private/certificates/") for name in manifest["files"]) == 3


def test_a_restore_on_a_site_with_another_signing_key_warns_that_certificates_will_not_verify(
    site_with_records, backup, settings
):
    archive = backup()
    settings.CERTIFICATE_SIGNING_KEY = identity.b64url(b"\x07" * 32)
    identity.signing_key.cache_clear()
    output = io.StringIO()
    try:
        call_command("restore", str(archive), "--yes", stdout=output)
    finally:
        identity.signing_key.cache_clear()

    assert "Warning: this site signs with key" in output.getvalue()
    assert "Set CERTIFICATE_SIGNING_KEY to the ministry's key" in output.getvalue()


def test_after_a_restore_verification_answers_what_the_backup_holds_not_what_it_remembered(
    site_with_records, backup, client, admin_user
):
    from certificates import services

    archive = backup()
    certificate = Certificate.objects.order_by("pk").first()
    services.certificate_revoke(certificate=certificate, reason="Revoked later", user=admin_user)
    url = f"/verify/{certificate.verification_code}.json"
    assert client.get(url).json()["status"] == "revoked"  # and remembered

    call_command("restore", str(archive), "--yes", stdout=io.StringIO())

    assert client.get(url).json()["status"] == "valid"
