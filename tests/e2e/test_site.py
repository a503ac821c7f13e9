"""The site shell in a real browser: right-to-left Arabic and Kurdish, no English, phone size."""

import re
from pathlib import Path

import polib
import pytest

from django.conf import settings

from wagtail.models import Locale, Page

from tests.e2e.conftest import wait_until

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PUBLIC_PAGES = [
    "/",
    "/accounts/login/",
    "/accounts/register/",
    "/accounts/password-reset/",
]
HOME_TITLES = {"ar": "التعليم الطبي المستمر", "ckb": "فێرکاریی پزیشکیی بەردەوام"}

# Text the reader sees in the page's language: elements marked with another `lang` (the language
# switcher's own names, a name in Latin script) are meant to stay as they are.
VISIBLE_TEXT = """() => {
  const language = document.documentElement.lang;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts = [];
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    const marked = element.closest("[lang]");
    if (marked && marked.lang !== language) continue;
    if (element.closest("script, style, noscript, option:not(:checked)")) continue;
    if (!element.checkVisibility({visibilityProperty: true})) continue;
    parts.push(walker.currentNode.textContent);
  }
  document.querySelectorAll("input[placeholder], input[type=submit]").forEach((input) => {
    if (input.checkVisibility()) parts.push(input.placeholder || input.value);
  });
  return parts.join(" ").replace(/\\s+/g, " ");
}"""


def _english_fragments() -> set[str]:
    """The English text of every msgid in the project's catalogues, split at placeholders."""
    root = Path(settings.BASE_DIR)
    paths = [*root.glob("locale/ar/LC_MESSAGES/*.po"), *root.glob("*/locale/ar/LC_MESSAGES/*.po")]
    fragments = set()
    for path in paths:
        for entry in polib.pofile(str(path)):
            for text in (entry.msgid, entry.msgid_plural):
                for piece in re.split(r"%\(\w+\)[sd]|%[sd]|\{\w*\}", text or ""):
                    piece = piece.strip(" .,:;?!()“”\"'")
                    if len(re.findall(r"[A-Za-z]", piece)) >= 3:
                        fragments.add(piece)
    return fragments


def _english_left(text: str, fragments: set[str]) -> list[str]:
    found = [f for f in fragments if re.search(rf"(?<![A-Za-z]){re.escape(f)}(?![A-Za-z])", text)]
    return sorted(found + re.findall(r"[A-Za-z]{3,}", text))


@pytest.fixture
def translated_home(django_db_serialized_rollback):
    """The home page as editors publish it in Arabic and Kurdish (page content is not in .po)."""
    home = Page.objects.get(depth=2).specific
    for language, title in HOME_TITLES.items():
        locale, _ = Locale.objects.get_or_create(language_code=language)
        translation = home.copy_for_translation(locale)
        translation.title = title
        translation.intro = f"<p>{title}</p>"
        translation.save_revision().publish()
    return home


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_public_pages_are_right_to_left_with_no_english_left(page, translated_home, language):
    fragments = _english_fragments()
    for path in PUBLIC_PAGES:
        page.goto(f"/{language}{path}")
        html = page.locator("html")
        assert (html.get_attribute("lang"), html.get_attribute("dir")) == (language, "rtl"), path
        assert _english_left(page.evaluate(VISIBLE_TEXT), fragments) == [], path


def test_registration_in_kurdish_shows_the_facilities_of_the_chosen_governorate(page):
    from tests.factories.workforce import FacilityFactory, directorate

    FacilityFactory(directorate=directorate("ERB"), name_en="Rizgary", name_ckb="نەخۆشخانەی ڕزگاری")
    FacilityFactory(directorate=directorate("BAS"), name_en="Basra", name_ckb="نەخۆشخانەی بەسرە")
    page.goto("/ckb/accounts/register/")
    page.check("input[name=status][value=new]")
    assert page.locator("input[name=identifier]").is_hidden()
    page.select_option("select[name=governorate]", label="هەولێر")
    wait_until(page, "document.querySelector('select[name=facility]').options.length > 1")
    options = page.locator("select[name=facility] option").all_inner_texts()
    assert options[1:] == ["نەخۆشخانەی ڕزگاری"]


def test_language_choice_is_remembered_on_the_next_visit(page):
    page.goto("/accounts/login/")
    page.select_option("#language-select", "ckb")
    page.wait_for_url("**/ckb/accounts/login/")
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "ckb"


@pytest.mark.parametrize("path", ["/ar/", "/ar/accounts/register/", "/accounts/login/"])
def test_pages_do_not_scroll_sideways_on_a_phone(phone, path):
    phone.goto(path)
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_phone_menu_opens_to_show_the_links(phone):
    phone.goto("/ar/")
    login_link = phone.get_by_role("link", name="تسجيل الدخول")
    assert login_link.is_hidden()
    phone.get_by_role("button", name="القائمة").click()
    assert login_link.is_visible()


def test_health_worker_registers_in_arabic_with_arabic_digits_and_sees_their_record(phone):
    from django.core import mail

    from tests.factories.workforce import FacilityFactory, HealthWorkerFactory, directorate

    facility = FacilityFactory(directorate=directorate("KIR"), name_ar="مستشفى كركوك العام")
    HealthWorkerFactory(
        facility=facility,
        licence_number="123456",
        name_ar="علي حسين",
        name_latin="Ali Hussein",
        email="ali@example.org",
    )
    phone.goto("/ar/accounts/register/")
    phone.fill("input[name=identifier]", "١٢٣٤٥٦")
    phone.fill("input[name=confirm_name]", "علي حسين")
    phone.fill("input[name=phone]", "٠٧٧٠ ١٢٣ ٤٥٦٧")
    phone.fill("input[name=username]", "ali.hussein")
    phone.fill("input[name=password1]", "a long pass phrase 42")
    phone.fill("input[name=password2]", "a long pass phrase 42")
    phone.get_by_role("button", name="إنشاء حسابي").click()
    # The record is linked only with the code sent to the email already on it.
    phone.wait_for_url("**/ar/accounts/claim/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    code = re.search(r"\b(\d{8})\b", mail.outbox[-1].body).group(1)
    phone.fill("input[name=code]", code)
    phone.get_by_role("button", name="اربط حسابي").click()
    phone.wait_for_url("**/ar/accounts/profile/")
    assert "مستشفى كركوك العام" in phone.locator("main").inner_text()
    assert "07701234567" in phone.input_value("input[name=phone]")
