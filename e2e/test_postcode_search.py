"""A person in Ruffec types their postcode, as most people do, and narrows the search to their
commune: 16700 is shared by seventeen communes, and the page offers each of them."""
import json
import urllib.parse
import urllib.request

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from journeys import check_page


def search_postcode(base_url, browser, postcode):
    browser.get(base_url + "/")
    field = browser.find_element(By.ID, "commune")
    field.send_keys(postcode)
    field.send_keys(Keys.ESCAPE)  # the suggestions close; the postcode itself is searched
    browser.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "resultats")))


def test_escape_dismisses_the_suggestions_still_on_their_way(base_url, browser):
    # Typed then dismissed at once: the answer arriving after Escape must not open the list over
    # the button below (where the click would land on a commune instead).
    browser.get(base_url + "/")
    field = browser.find_element(By.ID, "commune")
    field.send_keys("16700")
    field.send_keys(Keys.ESCAPE)
    answered = urllib.request.urlopen(base_url + field.get_attribute("data-suggest") + "?q=16700")
    assert json.load(answered)["data"], "the suggestions have something to show"
    listbox = browser.find_element(By.ID, "commune-suggestions")
    with pytest.raises(TimeoutException):
        WebDriverWait(browser, 1.5).until(lambda b: listbox.is_displayed())
    assert field.get_attribute("aria-expanded") == "false"
    # Typing again asks again.
    field.send_keys(Keys.BACKSPACE * 5 + "Ruffec")
    WebDriverWait(browser, 10).until(lambda b: listbox.is_displayed() and "Ruffec (16700)" in listbox.text)


def test_a_shared_postcode_finds_the_places_of_all_its_communes_and_offers_each(base_url, browser, screenshot):
    browser.set_window_size(1280, 900)
    search_postcode(base_url, browser, "16700")
    assert "des communes du code postal 16700" in browser.find_element(By.ID, "resultats").text
    api = json.load(urllib.request.urlopen(base_url + "/api/v1/lieux?commune=16700"))
    served = {c["nom"] for c in api["meta"]["communes"]}
    assert len(served) > 1 and "Ruffec" in served
    # The page lists the same places as the API, nearest first, each distance from a commune of
    # the postcode that it names.
    items = browser.find_elements(By.CSS_SELECTOR, "li.result")
    ids = [urllib.parse.unquote(i.find_element(By.CSS_SELECTOR, "h3 a").get_attribute("href").split("/lieux/", 1)[1]) for i in items]
    assert ids and ids == [p["id"] for p in api["data"]]
    distances = [i.find_element(By.CSS_SELECTOR, ".distance").text for i in items]
    assert all(any(d.endswith(("de " + n, "d'" + n, "du " + n[3:], "des " + n[4:])) for n in served) for d in distances), distances
    # Each commune of the postcode is a link that narrows the search to it; seventeen wait
    # behind « Préciser la commune ».
    browser.find_element(By.CSS_SELECTOR, ".communes summary").click()
    offered = [a.text for a in browser.find_elements(By.CSS_SELECTOR, ".communes a")]
    assert set(offered) == served
    screenshot("recherche-code-postal-1280")
    browser.find_element(By.LINK_TEXT, "Ruffec").click()
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.ID, "resultats"), "de Ruffec"))
    assert browser.find_element(By.ID, "commune").get_attribute("value") == "Ruffec (16700)"


@pytest.mark.parametrize("width", [1280, 360])
def test_a_postcode_of_many_communes_is_accessible_and_fits(base_url, browser, screenshot, width):
    # New Caledonia's 98800 covers some thirty communes: their links wait behind « Préciser ».
    browser.set_window_size(width, 900)
    search_postcode(base_url, browser, "98800")
    summary = browser.find_element(By.CSS_SELECTOR, ".communes summary")
    assert summary.text.startswith("Préciser la commune parmi les")
    summary.click()
    assert browser.find_element(By.LINK_TEXT, "Nouméa").is_displayed()
    check_page(browser, screenshot, f"recherche-code-postal-{width}")


def test_a_name_with_its_postcode_and_a_larger_namesake(base_url, browser):
    # Without scripts: the form sent as typed.
    browser.get(base_url + "/recherche?commune=" + urllib.parse.quote("17000 La Rochelle"))
    assert "de La Rochelle" in browser.find_element(By.ID, "resultats").text
    browser.get(base_url + "/recherche?commune=" + urllib.parse.quote("la rochelle"))
    assert "de La Rochelle" in browser.find_element(By.ID, "resultats").text
    assert browser.find_element(By.LINK_TEXT, "La Rochelle (70120)").is_displayed()
