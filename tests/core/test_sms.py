"""Text messages leave without the Unicode isolates translated strings carry."""

from core import sms
from core.isolates import ISOLATE_MARKS, isolate_latin


def test_sms_body_drops_isolate_marks_and_keeps_every_letter():
    sms.outbox.clear()
    body = isolate_latin("رمزك هو 123456. لا تشاركه مع أحد على WhatsApp أو SMS.")

    sms.sms_send(to="+9647701234567", body=body)

    sent = sms.outbox[-1]["body"]
    assert not set(sent) & set(ISOLATE_MARKS)
    assert sent == "رمزك هو 123456. لا تشاركه مع أحد على WhatsApp أو SMS."
