"""A person in Angoulême looks for help with online procedures, open now, and reads the hours
of the place they choose: with the suggestions, the filters and the map of a real browser."""
import csv
import json
import math
import pathlib
import urllib.parse
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from journeys import check_page
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parent.parent
SERVICE = "Aide aux démarches administratives"


def angouleme():
    with open(ROOT / "Sources/Directory/Resources/communes.csv", encoding="utf-8") as f:
        row = next(r for r in csv.DictReader(f) if r["code_insee"] == "16015")
    return float(row["latitude"]), float(row["longitude"])


def real_places():
    with open(ROOT / "Sources/Directory/Resources/lieux-reels-normalises-v1.csv", encoding="utf-8") as f:
        return {r["id"].strip(): r for r in csv.DictReader(f)}


def metres(a, b):
    (lat1, lon1), (lat2, lon2) = [(math.radians(x), math.radians(y)) for x, y in (a, b)]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371008.8 * math.asin(math.sqrt(h))


def search_from_home(base_url, browser):
    browser.get(base_url + "/")
    field = browser.find_element(By.ID, "commune")
    field.send_keys("angouleme")
    option = WebDriverWait(browser, 10).until(
        EC.element_to_be_clickable((By.XPATH, "//ul[@role='listbox']/li[@role='option'][starts-with(., 'Angoulême (')]")))
    option.click()
    assert field.get_attribute("value").startswith("Angoulême (")
    browser.find_element(By.TAG_NAME, "summary").click()
    browser.find_element(By.XPATH, f"//label[.='{SERVICE}']").click()
    browser.find_element(By.XPATH, "//label[.='Ouvert maintenant']").click()
    browser.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "resultats")))


def test_angouleme_open_now_in_distance_order(base_url, browser, screenshot):
    browser.set_window_size(1280, 900)
    search_from_home(base_url, browser)
    heading = browser.find_element(By.ID, "resultats").text
    assert "d'Angoulême" in heading, heading
    # The URL holds every choice: shared, it gives the same page.
    assert "ouvert=maintenant" in browser.current_url and "commune=Angoul" in browser.current_url

    items = browser.find_elements(By.CSS_SELECTOR, "li.result")
    assert items, "aucun résultat"
    links = [item.find_element(By.CSS_SELECTOR, "h3 a") for item in items]
    names = [link.text for link in links]
    ids = [urllib.parse.unquote(link.get_attribute("href").split("/lieux/", 1)[1]) for link in links]
    # The API, asked the same thing, answers the same places in the same order. The form sends
    # its empty fields (the hidden position, « peu importe »): a page reads them as not given,
    # the API refuses them (its document allows no empty value), so they are left out here.
    pairs = urllib.parse.parse_qsl(browser.current_url.split("?", 1)[1], keep_blank_values=True)
    query = urllib.parse.urlencode([(name, value) for name, value in pairs if value])
    api = json.load(urllib.request.urlopen(base_url + "/api/v1/lieux?" + query))
    assert ids == [p["id"] for p in api["data"]]
    assert all(p["ouvert"] is True for p in api["data"])
    # Checked against the real file: each offers the service, lies within 10 km, nearest first.
    centre, real = angouleme(), real_places()
    distances = []
    for place_id in ids:
        row = real[place_id]
        assert SERVICE in row["services"]
        distances.append(metres(centre, (float(row["latitude"]), float(row["longitude"]))))
    assert all(d <= 10_000 for d in distances)
    assert distances == sorted(distances)
    statuses = [item.find_element(By.CSS_SELECTOR, ".status").text for item in items]
    assert all(s.startswith("Ouvert") for s in statuses), statuses

    # The map shows when Leaflet is installed; the list never depends on it.
    if browser.find_elements(By.CSS_SELECTOR, "script[src='/static/leaflet/leaflet.js']"):
        WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "carte").is_displayed())
        assert len(browser.find_elements(By.CSS_SELECTOR, "#carte .leaflet-marker-icon")) == len(items)
    browser.execute_script("document.getElementById('resultats').scrollIntoView()")
    screenshot("recherche-angouleme-1280")

    items[0].find_element(By.CSS_SELECTOR, "h3 a").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == names[0]
    terms = browser.find_elements(By.CSS_SELECTOR, "dl.facts dt")
    hours = next(t for t in terms if t.text == "Horaires")
    assert hours.find_element(By.XPATH, "following-sibling::dd[1]").text.strip()
    assert browser.find_element(By.CSS_SELECTOR, "p.status").text.startswith("Ouvert")
    screenshot("lieu-angouleme-1280")


@pytest.mark.parametrize("width", [1280, 360])
def test_results_page_is_accessible_and_fits(base_url, browser, screenshot, width):
    browser.set_window_size(width, 900)
    search_from_home(base_url, browser)
    browser.execute_script("document.getElementById('resultats').scrollIntoView()")
    check_page(browser, screenshot, f"recherche-{width}")


def test_without_javascript_the_form_still_finds_places(base_url, browser):
    # The same search typed as a person without scripts would submit it: a plain GET.
    browser.get(base_url + "/recherche?commune=angouleme&rayon=10&ouvert=maintenant")
    assert "d'Angoulême" in browser.find_element(By.ID, "resultats").text
