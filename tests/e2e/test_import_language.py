"""An import's problems, on a phone, in the reader's language and direction."""

import os

import pytest

from courses.models import AttendanceImport
from tests.e2e.conftest import login
from tests.factories.courses import WorkshopFactory, course_page
from tests.factories.workforce import (
    FacilityFactory,
    RoleAssignmentFactory,
    UserFactory,
    directorate,
    governorate,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REASON = {
    "ar": "اكتب حاضر أو متأخر أو غائب أو بعذر.",
    "ckb": "بنووسە ئامادە، دواکەوتوو، ئامادە نییە یان مۆڵەت.",
}


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_a_background_imports_problems_read_right_to_left_on_a_phone(language, phone):
    trainer = UserFactory(username="trainer.kirkuk")
    RoleAssignmentFactory(
        user=trainer, role="trainer", level="governorate", governorate=governorate("KIR")
    )
    workshop = WorkshopFactory(
        course=course_page(title="Newborn care"),
        venue=FacilityFactory(directorate=directorate("KIR")),
    )
    record = AttendanceImport.objects.create(  # as the worker leaves a rejected sheet
        workshop=workshop,
        original_name="big.csv",
        status=AttendanceImport.Status.REJECTED,
        created_by=trainer,
        errors=[
            {
                "row": 7,
                "column": "attendance",
                "params": {},
                "reason": "Write present, late, absent or excused.",
            },
            {
                "row": 9,
                "column": "date",
                "params": {"row": 7},
                "reason": "This person and day are already on row %(row)d.",
            },
        ],
    )
    login(phone, "trainer.kirkuk")
    phone.goto(f"/{language}/learning/imports/{record.pk}/")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    cells = phone.locator("#import-errors tbody td").all_inner_texts()
    assert REASON[language] in cells and "7" in cells
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    if os.environ.get("SCREENSHOTS"):
        phone.screenshot(
            path=f"{os.environ['SCREENSHOTS']}/import-errors-{language}.png", full_page=True
        )
