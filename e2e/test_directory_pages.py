"""A visitor finds places by département and reads one, at desktop and phone widths."""
import pytest
from selenium.webdriver.common.by import By

from journeys import check_page

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
    # Readable at 360 px: nothing wider than the screen; no serious accessibility problem.
    check_page(browser, screenshot, f"{page}-{width}")


def test_the_footer_leads_to_the_site_notices_and_its_open_data(base_url, browser, screenshot):
    set_width(browser, 360)
    browser.get(base_url + "/")
    for label, title, name in [("Mentions légales", "Mentions légales", "mentions-legales"),
                               ("Accessibilité : non conforme", "Déclaration d'accessibilité", "accessibilite"),
                               ("Données ouvertes", "Données ouvertes", "donnees-ouvertes"),
                               ("Contact", "Contact", "contact")]:
        browser.find_element(By.CSS_SELECTOR, "footer").find_element(By.LINK_TEXT, label).click()
        assert browser.find_element(By.TAG_NAME, "h1").text == title
        check_page(browser, screenshot, f"{name}-360")
    # the open data page names the files of every place
    browser.get(base_url + "/donnees-ouvertes")
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "main a")]
    assert any(link.endswith("/donnees-ouvertes/lieux.csv") for link in links), links
