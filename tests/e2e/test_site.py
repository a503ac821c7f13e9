import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_home_page_in_arabic_is_right_to_left(page):
    page.goto("/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"


def test_language_choice_is_remembered_on_the_next_visit(page):
    page.goto("/")
    page.select_option("#language-select", "ckb")
    page.wait_for_url("**/ckb/**")
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "ckb"
