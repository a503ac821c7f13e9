"""Writes of certificates: issue, store the PDF, revoke, re-issue, notify.

Just over 300 lines: issuing, withdrawing, revoking and re-issuing share one creation path and
one `certificate_recorded` signal, which is clearer in one module than in four.
"""

import io
import logging
import zipfile
from functools import partial

from pypdf import PdfWriter

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from certificates import identity
from certificates.answers import answers_forget
from certificates.models import Certificate
from certificates.pdf import CertificateRenderer
from certificates.provider_marks import providers_snapshot
from certificates.selectors import (
    CourseFacts,
    certificate_facts,
    certificate_look,
    certificate_template_for,
    course_titles,
)
from certificates.signals import certificate_recorded
from courses.models import Completion, Notice
from courses.notices.services import NoticeEvent, notices_queue_many
from courses.services import completion_validity_refresh
from workforce.duties import decision_service

logger = logging.getLogger(__name__)


def certificate_facts_text(*, certificate: Certificate) -> str:
    """The canonical facts the signature covers (see identity)."""
    return identity.facts_text(
        serial=certificate.serial,
        holder=certificate.holder_name_latin or certificate.holder_name_ar,
        course_code=certificate.course_code,
        cme_hours=f"{certificate.cme_hours:.1f}",
        completed_on=certificate.completed_on.isoformat(),
        valid_until=certificate.valid_until.isoformat() if certificate.valid_until else "",
    )


def certificate_verification_url(*, certificate: Certificate) -> str:
    """The certificate's public verification page, as printed under its QR code."""
    # Unprefixed whatever language is active: the page answers in the reader's language.
    return f"{settings.SITE_URL.rstrip('/')}/verify/{certificate.verification_code}/"


def certificate_qr_payload(*, certificate: Certificate) -> str:
    """What the certificate's QR code says: its code and signature (see identity)."""
    return identity.qr_payload(code=certificate.verification_code, signature=certificate.signature)


def _certificate_new(
    *, completion: Completion, shared: CourseFacts | None = None, providers: list | None = None
) -> Certificate:
    """A new certificate snapshotting the completion's facts, checked, not saved yet
    (`providers`: the workshop's snapshot, when the caller already took it)."""
    worker = completion.health_worker
    course = completion.course
    if shared is None or shared.course_id != course.pk:
        shared = None
    titles = shared.titles if shared else course_titles(course=course)
    code = identity.new_verification_code()
    certificate = Certificate(
        completion=completion,
        serial=f"PENDING-{code[:20]}",
        verification_code=code,
        holder_name_ar=worker.name_ar,
        holder_name_latin=worker.name_latin,
        course_title_en=titles.get("en", course.title),
        course_title_ar=titles.get("ar", ""),
        course_title_ckb=titles.get("ckb", ""),
        course_code=course.code,
        cme_hours=completion.cme_hours,
        completed_on=completion.completed_on,
        valid_until=completion.valid_until,
        template=shared.template if shared else certificate_template_for(course=course),
        providers=(
            providers_snapshot(workshop=completion.workshop) if providers is None else providers
        ),
    )
    # Uniqueness (serial, code, one valid certificate per completion) is the database's to
    # enforce: an IntegrityError is what certificate_issue expects, and it costs no queries.
    # The completion and template were just read: checking that they exist asks twice more.
    certificate.full_clean(
        exclude=["serial", "signature", "pdf", "completion", "template"],
        validate_unique=False,
        validate_constraints=False,
    )
    return certificate


def _serial_and_signature(certificate: Certificate) -> None:
    """Number a saved certificate and sign it (the serial's number is the row's own id: unique
    without a counter to lock)."""
    completion = certificate.completion
    certificate.serial = identity.serial_format(
        governorate_code=completion.workshop.venue.governorate.code,
        year=completion.completed_on.year,
        number=certificate.pk,
    )
    message = identity.signed_message(
        code=certificate.verification_code, facts=certificate_facts_text(certificate=certificate)
    )
    certificate.signature = identity.sign(message)


def _create(*, completion: Completion, shared: CourseFacts | None = None) -> Certificate:
    """Snapshot the completion's facts into a new signed certificate (inside a transaction)."""
    certificate = _certificate_new(completion=completion, shared=shared)
    certificate.save()
    _serial_and_signature(certificate)
    certificate.save(update_fields=["serial", "signature"])
    _recorded(certificate, "issued")
    return certificate


def _recorded(certificate: Certificate, action: str) -> None:
    certificate_recorded.send(sender=Certificate, certificate=certificate, action=action)


def certificate_issue(*, completion_id: int, notify: bool = True) -> Certificate | None:
    """Issue the certificate of a complete completion, or return the valid one it already has.

    Idempotent: the completion row is locked while looking for its valid certificate, and the
    database allows one valid certificate per completion, so running twice (or again after a
    worker died) finds the first one; a missing PDF is rendered and stored again.
    """
    certificate, created = certificate_record(completion_id=completion_id)
    if certificate is None:
        return None
    if not certificate.pdf:
        certificate_pdf_store(certificate=certificate)
    if created and notify:
        _queue_notification(certificate_id=certificate.pk)
    return certificate


def certificate_record(
    *, completion_id: int, shared: CourseFacts | None = None
) -> tuple[Certificate | None, bool]:
    """The completion's valid certificate, recorded now if it has none (no PDF yet), and
    whether it was created; None for a completion that is not complete (`shared`: its course's)."""
    with transaction.atomic():
        completion = (
            Completion.objects.select_for_update(of=("self",))
            .select_related("health_worker", "course", "workshop__venue__governorate")
            .get(pk=completion_id)
        )
        if not completion.is_complete:
            return None, False
        certificate = completion.certificates.filter(status=Certificate.Status.VALID).first()
        if certificate is not None:
            return certificate, False
        try:
            with transaction.atomic():
                return _create(completion=completion, shared=shared), True
        except IntegrityError:
            return completion.certificates.get(status=Certificate.Status.VALID), False


def certificates_record_many(
    *, completion_ids: list[int], shared: CourseFacts | None = None
) -> list[tuple[Certificate | None, bool]]:
    """`certificate_record` for several completions in one transaction, in the order given.

    The same rules with a handful of queries for all of them instead of about ten each (the bulk
    issue, certificates/bulk.py): the completions locked together, their valid certificates
    found in one query, the new ones inserted in one statement and numbered and signed in
    another, each workshop's providers read once. Should another process have issued one of them
    meanwhile (the insert breaks the one-valid-certificate rule), they are recorded one by one as
    `certificate_record` does, which finds that certificate.
    """
    with transaction.atomic():
        completions = list(
            Completion.objects.select_for_update(of=("self",))
            .select_related("health_worker", "course", "workshop__venue__governorate")
            .filter(pk__in=completion_ids)
            .order_by("pk")
        )
        complete = {c.pk: c for c in completions if c.is_complete}
        found = {
            certificate.completion_id: certificate
            for certificate in Certificate.objects.filter(
                completion__in=list(complete), status=Certificate.Status.VALID
            )
        }
        providers: dict[int, list] = {}
        new = []
        for completion in complete.values():
            if completion.pk in found:
                continue
            if completion.workshop_id not in providers:
                providers[completion.workshop_id] = providers_snapshot(workshop=completion.workshop)
            new.append(
                _certificate_new(
                    completion=completion,
                    shared=shared,
                    providers=providers[completion.workshop_id],
                )
            )
        try:
            with transaction.atomic():
                _certificates_insert(new)
        except IntegrityError:
            return [certificate_record(completion_id=pk, shared=shared) for pk in completion_ids]
        if new:
            answers_forget()  # bulk writes send no post_save: no answer from before may stay
        for certificate in new:
            _recorded(certificate, "issued")
    results = {pk: (certificate, False) for pk, certificate in found.items()}
    results |= {certificate.completion_id: (certificate, True) for certificate in new}
    return [results.get(pk, (None, False)) for pk in completion_ids]


def _certificates_insert(new: list[Certificate]) -> None:
    """Insert new certificates numbered and signed by their own ids.

    On PostgreSQL the ids are taken from the table's sequence first, so each row goes in whole
    with one INSERT; elsewhere the rows go in, then their serials and signatures (the ids are
    known only once inserted).
    """
    if not new:
        return
    if connection.vendor == "postgresql":
        table = Certificate._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, len(new)],
            )
            ids = [row[0] for row in cursor.fetchall()]
        for certificate, pk in zip(new, ids, strict=True):
            certificate.pk = pk
            _serial_and_signature(certificate)
        Certificate.objects.bulk_create(new)
        return
    Certificate.objects.bulk_create(new)
    for certificate in new:
        _serial_and_signature(certificate)
    Certificate.objects.bulk_update(new, ["serial", "signature"])


def certificate_withdraw(*, completion_id: int) -> list[Certificate]:
    """Withdraw the valid certificate of a completion that is no longer complete.

    The reason shown on the verification page is the trainer's override reason when there is one;
    otherwise the page says that the completion was re-evaluated. Idempotent: a complete
    completion, or one with no valid certificate, changes nothing.
    """
    with transaction.atomic():
        completion = Completion.objects.select_for_update().get(pk=completion_id)
        if completion.is_complete:
            return []
        withdrawn = list(
            completion.certificates.select_for_update().filter(status=Certificate.Status.VALID)
        )
        for certificate in withdrawn:
            certificate.status = Certificate.Status.WITHDRAWN
            certificate.status_reason = completion.override_reason
            certificate.save(update_fields=["status", "status_reason"])
            log(
                certificate,
                "cme.certificate.withdraw",
                data={"reason": certificate.status_reason, "completion": completion_id},
            )
            _recorded(certificate, "withdrawn")
    for certificate in withdrawn:
        logger.info("certificate %s withdrawn: completion %s", certificate.serial, completion_id)
    return withdrawn


def certificate_pdf_render(*, certificate: Certificate, renderer=None) -> bytes:
    """The certificate's PDF, drawn with its template (or the renderer of that template)."""
    renderer = renderer or CertificateRenderer(certificate_look(template=certificate.template))
    return renderer.render(certificate_facts(certificate=certificate))


def certificate_pdf_store(*, certificate: Certificate, renderer=None) -> None:
    """Render the PDF and store it under a name fixed by the serial, so a retry overwrites it."""
    content = certificate_pdf_render(certificate=certificate, renderer=renderer)
    certificate_pdf_write(certificate=certificate, content=content)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)


def certificate_pdf_write(*, certificate: Certificate, content: bytes) -> None:
    """Store a drawn PDF under the name fixed by the serial (replacing a file a run that died
    left there) and set it on `certificate`, not on its row: the bulk issue names a chunk's
    files in one statement."""
    name = f"certificates/{certificate.completed_on.year}/{certificate.serial}.pdf"
    # Private storage (core.storage.PrivateStorage) writes it whole, in one atomic step.
    certificate.pdf.name = certificate.pdf.storage.replace(name, content)


def certificate_pdf_content(*, certificate: Certificate) -> bytes:
    """The certificate's PDF: the stored file, or drawn now for one not stored (nothing is
    written: a download is a read; issuing and re-issuing store the file)."""
    if certificate.pdf:
        with certificate.pdf.open("rb") as handle:
            return handle.read()
    return certificate_pdf_render(certificate=certificate)


BUNDLES = {"pdf": "application/pdf", "zip": "application/zip"}


def certificates_bundle(*, certificates: list[Certificate], kind: str) -> bytes:
    """Several certificates as one PDF or a zip of PDFs (a PDF not stored yet is drawn)."""
    buffer = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            for certificate in certificates:
                content = certificate_pdf_content(certificate=certificate)
                archive.writestr(f"{certificate.serial}.pdf", content)
    else:
        writer = PdfWriter()
        for certificate in certificates:
            writer.append(io.BytesIO(certificate_pdf_content(certificate=certificate)))
        writer.write(buffer)
    return buffer.getvalue()


@decision_service(subject=lambda call: call["certificate"].completion.health_worker)
def certificate_revoke(*, certificate: Certificate, reason: str, user) -> Certificate:
    """Revoke a valid certificate; the reason is shown on the public verification page."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for revoking the certificate.")})
    if certificate.status != Certificate.Status.VALID:
        raise ValidationError(_("Only a valid certificate can be revoked."))
    with transaction.atomic():
        certificate.status = Certificate.Status.REVOKED
        certificate.status_reason = reason
        certificate.save(update_fields=["status", "status_reason"])
        log(certificate, "cme.certificate.revoke", user=user, data={"reason": reason})
        _recorded(certificate, "revoked")
    logger.info("certificate %s revoked by user %s", certificate.serial, user.pk)
    return certificate


@decision_service(subject=lambda call: call["certificate"].completion.health_worker)
def certificate_reissue(*, certificate: Certificate, user, reason: str = "") -> Certificate:
    """Issue a new certificate with the holder's current names; the old one is superseded."""
    if certificate.status != Certificate.Status.VALID:
        raise ValidationError(_("Only a valid certificate can be re-issued."))
    with transaction.atomic():
        completion = (
            Completion.objects.select_for_update()
            .select_related("health_worker", "workshop__venue__governorate")
            .get(pk=certificate.completion_id)
        )
        # A re-issue states the course's validity as it is now (see Certificate.valid_until).
        completion_validity_refresh(completion=completion, user=user)
        old = Certificate.objects.select_for_update().get(pk=certificate.pk)
        old.status = Certificate.Status.SUPERSEDED
        old.status_reason = reason.strip() or _("Re-issued with corrected details.")
        old.save(update_fields=["status", "status_reason"])
        new = _create(completion=completion)
        old.superseded_by = new
        old.save(update_fields=["superseded_by"])
        log(
            old,
            "cme.certificate.reissue",
            user=user,
            data={"reason": old.status_reason, "new": new.serial},
        )
        _recorded(old, "superseded")
    certificate_pdf_store(certificate=new)
    logger.info("certificate %s re-issued as %s by user %s", old.serial, new.serial, user.pk)
    _queue_notification(certificate_id=new.pk)
    certificate.refresh_from_db()
    return new


def _queue_notification(*, certificate_id: int) -> None:
    from certificates.tasks import certificate_notify_task  # tasks import this module

    transaction.on_commit(lambda: certificate_notify_task.delay(certificate_id))


def certificate_notify(*, certificate_id: int) -> bool:
    """Tell the holder, by email and text message, that their certificate is ready.

    A notice (courses/notices) in the holder's language: their own choice on their profile first;
    a walk-in with no account gets the language of the workshop they attended. Never the language
    of whoever's action queued it. Sent once per certificate, whatever calls this again.
    """
    return certificates_notify(certificate_ids=[certificate_id]) > 0


def certificates_notify(*, certificate_ids: list[int]) -> int:
    """`certificate_notify` for several certificates (a bulk issue's chunk) with a few queries for
    all; returns how many holders were told something new."""
    certificates = Certificate.objects.select_related(
        "completion__health_worker__user__preferences", "completion__workshop"
    ).filter(pk__in=certificate_ids)
    events = [
        NoticeEvent(
            health_worker=certificate.completion.health_worker,
            kind=Notice.Kind.CERTIFICATE_READY,
            key=f"certificate-ready:{certificate.pk}",
            compose=partial(_ready_text, certificate),
            language=certificate.completion.workshop.language,
        )
        for certificate in certificates.order_by("pk")
    ]
    told = notices_queue_many(events)
    return sum(any(notice.status == Notice.Status.QUEUED for notice in notices) for notices in told)


def _ready_text(certificate: Certificate) -> tuple[str, str]:
    """The "certificate ready" notice's subject and text, in the active language."""
    language = translation.get_language()
    course = getattr(certificate, f"course_title_{language}", "") or certificate.course_title_en
    facts = {"course": course, "hours": certificate.cme_hours, "serial": certificate.serial}
    site = settings.SITE_URL.rstrip("/")
    download = site + reverse("certificates:download", args=[certificate.pk])
    verify = site + reverse("verify:page", args=[certificate.verification_code])
    issued = _(
        'Your certificate for "%(course)s" (%(hours)s CME credit hours) has been issued '
        "with serial number %(serial)s."
    )
    lines = [issued % facts, f"{_('Download it after signing in:')} {download}"]
    lines.append(f"{_('Anyone can check it here:')} {verify}")
    return _("Your certificate for %(course)s") % facts, "\n".join(lines)
