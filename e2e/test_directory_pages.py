"""A visitor finds places by département and reads one, at desktop and phone widths."""
import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By

WIDTHS = [1280, 360]


def set_width(browser, width):
    browser.set_window_size(width, 900)


def test_visitor_goes_from_home_to_a_place(base_url, browser, screenshot):
    set_width(browser, 1280)
    browser.get(base_url + "/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Lieux de médiation numérique"
    assert "1\u202f623\u00a0lieux" in browser.find_element(By.TAG_NAME, "main").get_attribute("textContent")
    browser.find_element(By.LINK_TEXT, "Charente (16)").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Charente (16)"
    first = browser.find_element(By.CSS_SELECTOR, "ul.places a")
    name = first.text
    first.click()
    assert browser.find_element(By.TAG_NAME, "h1").text == name
    terms = [dt.text for dt in browser.find_elements(By.CSS_SELECTOR, "dl.facts dt")]
    assert "Adresse" in terms and "Horaires" in terms and "Contact" in terms


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", ["home", "departement", "place"])
def test_pages_are_accessible_and_fit(base_url, browser, screenshot, page, width):
    paths = {"home": "/", "departement": "/departements/16",
             "place": "/lieux/mediation-numerique-conseiller-numerique-63d29db4e6d6a806f256459a-mediation-numerique"}
    set_width(browser, width)
    browser.get(base_url + paths[page])
    screenshot(f"{page}-{width}")
    # Readable at 360 px: nothing wider than the screen.
    overflow = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page} scrolls sideways by {overflow}px at {width}px"
    axe = Axe(browser)
    axe.inject()
    results = axe.run()
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], axe.report(serious)
