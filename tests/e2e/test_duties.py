"""The refusal of a decision on one's own record, as a phone shows it in Arabic and Kurdish."""

import os

import pytest

from django.urls import reverse

from tests.e2e.conftest import login
from tests.factories.courses import CompletionFactory, EnrolmentFactory, WorkshopFactory
from tests.factories.workforce import FacilityFactory, HealthWorkerFactory, directorate, staff_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SUBMIT = """([url, token]) => {
  const form = document.createElement("form");
  form.method = "post";
  form.action = url;
  const fields = [["csrfmiddlewaretoken", token], ["is_complete", "1"], ["reason", "x"]];
  for (const [name, value] of fields) {
    const input = document.createElement("input");
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
}"""


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ar", "لا يمكنك البتّ في سجلك الخاص"), ("ckb", "ناتوانیت بڕیار لەسەر تۆمارەکەی خۆت بدەیت")],
)
def test_a_trainer_overriding_their_own_completion_reads_why_on_a_phone(phone, language, expected):
    insider = staff_user("trainer", "national")
    insider.username = "trainer.insider"
    insider.save()
    worker = HealthWorkerFactory(
        facility=FacilityFactory(directorate=directorate("KIR")), user=insider
    )
    workshop = WorkshopFactory(venue=worker.facility)
    completion = CompletionFactory(
        enrolment=EnrolmentFactory(workshop=workshop, health_worker=worker), is_complete=False
    )
    login(phone, "trainer.insider")
    phone.goto(f"/{language}/learning/")
    token = next(c["value"] for c in phone.context.cookies() if c["name"] == "csrftoken")
    url = f"/{language}" + reverse("courses:completion_override", args=[completion.pk])
    with phone.expect_navigation():
        phone.evaluate(SUBMIT, [url, token])
    assert expected in phone.inner_text("main")
    assert phone.get_attribute("html", "dir") == "rtl"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    if folder := os.environ.get("SCREENSHOTS"):
        phone.screenshot(path=f"{folder}/refusal-{language}.png", full_page=True)
    completion.refresh_from_db()
    assert completion.is_complete is False
