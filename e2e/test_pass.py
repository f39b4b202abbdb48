"""The Pass APTIC from the funder's quote to the place's reimbursement, in Chromium: each page
axe-clean at 1280 and 360 px; the booklet printed on screen and its QR codes read by zbarimg;
the month's batch built by an instance whose clock has passed the month's end, its SEPA file
valid against the ISO 20022 schema, marked paid; the funder's figures and the holder's check."""
import json
import os
import re
import subprocess
import tempfile
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ARTIFACTS, ROOT, _binary, _free_port, serve
from journeys import check_page, fill, heading, log_in, press, sign_up_and_log_in

PLACE = "mediation-numerique-conseiller-numerique-63d29db4e6d6a806f256459a-mediation-numerique"
LATER = "2026-12-02T10:00:00+01:00"
SEPA = {"MAILLAGE_SEPA_NAME": "SCIC Maillage", "MAILLAGE_SEPA_IBAN": "FR7630006000011234567890189", "MAILLAGE_SEPA_BIC": "AGRIFRPP"}


def cli(server_env, *arguments):
    return subprocess.run([_binary(), *arguments], cwd=ROOT, env=server_env, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def later_url(server_env, base_url):
    """A second instance on the same database, its clock past the end of November, running no jobs."""
    env = dict(server_env, PORT=str(_free_port()), MAILLAGE_NOW=LATER, MAILLAGE_WORKER="off", **SEPA)
    yield from serve(env, "serve-later.log")


def both_widths(browser, screenshot, name):
    for width in (1280, 360):
        browser.set_window_size(width, 900)
        check_page(browser, screenshot, f"{name}-{width}")


def organisation(browser, base_url, name):
    """Creates an organisation from « Mes organisations »; its id, from its page's address."""
    browser.get(base_url + "/organisations")
    fill(browser, name=name)
    heading(browser, name)
    return browser.current_url.rstrip("/").split("/")[-1]


def fill_dated(browser, submit, dates, **fields):
    """Like `fill`, but date fields get their ISO value set directly: typing into a date control
    follows the browser's locale (jj/mm/aaaa in French)."""
    for name, value in dates.items():
        browser.execute_script("document.getElementById(arguments[0]).value = arguments[1]", name, value)
    fill(browser, submit=submit, **fields)


# NB: Selenium's .text gives no-break spaces as plain ones.
def flash(browser):
    """The flash message of the page the last form led to, once it has loaded."""
    return WebDriverWait(browser, 10).until(lambda b: b.find_element(By.CSS_SELECTOR, "main p.flash"), "no flash message").text


def error(browser, text):
    """The error shown next to a field or at the top of the form, once the page says `text`."""
    def shown(b):
        return next((e.text for e in b.find_elements(By.CSS_SELECTOR, "main .error") if text in e.text), None)
    return WebDriverWait(browser, 10).until(shown, f"no error « {text} »")


def notice(browser):
    return WebDriverWait(browser, 10).until(lambda b: b.find_element(By.CSS_SELECTOR, "main .notice"), "no notice").text


def test_quote_to_reimbursement(base_url, later_url, browser, screenshot, outbox, server_env):
    browser.set_window_size(1280, 900)
    # the people: an administrator, a funder, a prescriber, a place's manager
    sign_up_and_log_in(browser, base_url, outbox, "pass-admin@exemple.fr", "Alex Admin")
    cli(server_env, "roles", "grant", "pass-admin@exemple.fr", "administrateur")
    sign_up_and_log_in(browser, base_url, outbox, "caf@exemple.fr", "Claire Commanditaire")
    funder = organisation(browser, base_url, "CAF de la Charente")
    cli(server_env, "roles", "grant", "caf@exemple.fr", "commanditaire", "--organisation", funder)
    sign_up_and_log_in(browser, base_url, outbox, "ccas@exemple.fr", "Paul Prescripteur")
    prescriber = organisation(browser, base_url, "CCAS d'Angoulême")
    cli(server_env, "roles", "grant", "ccas@exemple.fr", "prescripteur", "--organisation", prescriber)
    sign_up_and_log_in(browser, base_url, outbox, "lieu@exemple.fr", "Léa Gestionnaire")
    place_organisation = organisation(browser, base_url, "Association Numérique Solidaire")
    # one character miscopied: the IBAN's key says so, next to the field
    fill(browser, submit="form[action$='/coordonnees-bancaires'] button[type=submit]",
         holder="Association Numérique Solidaire", iban="FR76 3000 6000 0112 3456 7890 188", bic="AGRIFRPP")
    error(browser, "La clé de cet IBAN ne correspond pas")
    both_widths(browser, screenshot, "pass-iban-erreur")
    browser.set_window_size(1280, 900)
    fill(browser, submit="form[action$='/coordonnees-bancaires'] button[type=submit]",
         holder="Association Numérique Solidaire", iban="FR76 3000 6000 0112 3456 7890 189", bic="AGRIFRPP")
    assert "un administrateur les confirmera" in flash(browser)
    cli(server_env, "roles", "grant", "lieu@exemple.fr", "gestionnaire", "--lieu", PLACE)

    # the funder asks for a quote
    log_in(browser, base_url, "caf@exemple.fr")
    browser.get(base_url + "/pass")
    press(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Commanditaire — CAF de la Charente"))
    heading(browser, "Pass APTIC — CAF de la Charente")
    both_widths(browser, screenshot, "pass-commanditaire")
    browser.set_window_size(1280, 900)
    fill(browser, submit="form[action$='/devis'] button[type=submit]", booklet_count="0")
    error(browser, "Indiquez un nombre de carnets entre 1 et")
    both_widths(browser, screenshot, "pass-devis-erreur")
    browser.set_window_size(1280, 900)
    fill(browser, submit="form[action$='/devis'] button[type=submit]", booklet_count="1")
    assert "devis est envoyée" in flash(browser)

    # the administrator invoices it, records its payment, links and qualifies the place, confirms its bank details
    log_in(browser, base_url, "pass-admin@exemple.fr")
    browser.get(base_url + "/admin/pass")
    heading(browser, "Administration du Pass APTIC")
    both_widths(browser, screenshot, "pass-admin")
    browser.set_window_size(1280, 900)
    press(browser, browser.find_element(By.CSS_SELECTOR, "button[aria-label='Facturer la commande de CAF de la Charente']"))
    heading(browser, "Administration du Pass APTIC")
    invoice = re.search(r"F-2026-\d{6}", flash(browser)).group(0)
    # 10 vouchers of 10 € with the default 5 % fee: 100 € + 5 € + 1 € of VAT
    fill_dated(browser, "form[action$='/admin/pass/paiements'] button[type=submit]", {"received_on": "2026-11-23"},
               amount="106,00", invoice_number=invoice)
    assert "ses chèques sont émis" in flash(browser), flash(browser)
    fill(browser, submit="form[action$='/rattachements'] button[type=submit]", place_id=PLACE, organisation_id=place_organisation)
    assert "rattaché" in flash(browser)
    fill_dated(browser, "form[action$='/qualifications'] button[type=submit]", {"starts_on": "2026-11-01", "ends_on": "2027-12-31"},
               qualified_place=PLACE)
    assert "Lieu qualifié" in flash(browser)
    press(browser, browser.find_element(By.CSS_SELECTOR, "button[aria-label='Confirmer les coordonnées de Association Numérique Solidaire']"))
    assert "confirmées" in flash(browser)

    # the funder allots the booklet to the prescriber
    log_in(browser, base_url, "caf@exemple.fr")
    browser.get(base_url + "/pass/commanditaires/" + funder)
    Select(browser.find_element(By.ID, "prescriber_id")).select_by_visible_text("CCAS d'Angoulême")
    fill(browser, submit="form[action$='/attribution'] button[type=submit]", count="1")
    assert "1 carnet attribué" in flash(browser), browser.find_element(By.TAG_NAME, "main").text[:600]

    # the prescriber prints the booklet: zbarimg reads its ten QR codes; then hands three vouchers out
    log_in(browser, base_url, "ccas@exemple.fr")
    browser.get(base_url + "/pass/prescripteurs/" + prescriber)
    heading(browser, "Pass APTIC — CCAS d'Angoulême")
    both_widths(browser, screenshot, "pass-prescripteur")
    browser.set_window_size(1280, 900)
    press(browser, browser.find_element(By.LINK_TEXT, "Carnet 1"))
    heading(browser, "Chèques APTIC — carnet 1")
    both_widths(browser, screenshot, "pass-carnet")
    printed = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "li.voucher .number")]
    assert len(printed) == 10
    # the whole booklet in one screenshot, as it shows on screen; zbarimg reads every code in it
    browser.set_window_size(1280, 3200)
    image = str(ARTIFACTS / "pass-carnet-qr.png")
    browser.save_screenshot(image)
    read = subprocess.run(["zbarimg", "--raw", "-q", image], capture_output=True, text=True)
    decoded = set(line for line in read.stdout.splitlines() if line)
    assert decoded == set(printed), (decoded, printed)
    browser.get(base_url + "/pass/prescripteurs/" + prescriber)
    fill(browser, submit="form[action$='/remise'] button[type=submit]", numbers="\n".join(printed[:3]), beneficiary="DOS-2026-0042")
    assert printed[2] in notice(browser)

    # the place redeems one
    log_in(browser, base_url, "lieu@exemple.fr")
    browser.get(base_url + "/lieux/" + PLACE + "/pass")
    heading(browser, "Encaisser un chèque APTIC")
    both_widths(browser, screenshot, "pass-encaisser")
    browser.set_window_size(1280, 900)
    assert not browser.find_elements(By.CSS_SELECTOR, "button.scan"), "a scan button without BarcodeDetector"
    # where the browser reads QR codes, the camera fills the field (Chromium's fake camera; a
    # detector that reads the second voucher, as Linux's Chromium has none); nothing is sent
    fake = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source":
        "window.BarcodeDetector = class { detect() { return Promise.resolve([{ rawValue: %s }]); } };" % json.dumps(printed[1])})
    browser.refresh()
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "button.scan"), "no scan button").pop().click()
    WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "numero").get_attribute("value") == printed[1], "the scan filled nothing")
    assert "QR code lu" in browser.find_element(By.CSS_SELECTOR, "p.hint[role=status]").text
    check_page(browser, screenshot, "pass-scan-1280")
    browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": fake["identifier"]})
    browser.get(base_url + "/lieux/" + PLACE + "/pass")
    fill(browser, submit="form[action$='/pass'] button[type=submit]", numero=printed[0].lower())
    assert "encaissé" in notice(browser)
    check_page(browser, screenshot, "pass-encaisse-1280")
    # the same voucher again, then a number with a wrong check character: each refused in words
    fill(browser, submit="form[action$='/pass'] button[type=submit]", numero=printed[0])
    error(browser, "Ce chèque a déjà été utilisé.")
    both_widths(browser, screenshot, "pass-deja-utilise")
    browser.set_window_size(1280, 900)
    last = printed[1][-1]
    mistyped = printed[1][:-1] + ("0" if last != "0" else "1")
    fill(browser, submit="form[action$='/pass'] button[type=submit]", numero=mistyped)
    error(browser, "erreur de saisie")
    check_page(browser, screenshot, "pass-erreur-saisie-1280")

    # past the month's end, the administrator builds November's batch, takes its SEPA file, marks it paid
    log_in(browser, later_url, "pass-admin@exemple.fr")
    browser.get(later_url + "/admin/pass")
    fill(browser, submit="form[action$='/admin/pass/lots'] button[type=submit]", month="2026-11")
    assert "1 lot constitué" in flash(browser), flash(browser)
    link = browser.find_element(By.PARTIAL_LINK_TEXT, "Produire le fichier de virement").get_attribute("href")
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    request = urllib.request.Request(link, headers={"Cookie": cookie})
    xml = urllib.request.urlopen(request).read()
    again = urllib.request.urlopen(urllib.request.Request(link, headers={"Cookie": cookie})).read()
    assert xml == again
    assert b"<CtrlSum>10.00</CtrlSum>" in xml
    xsd = os.environ.get("SEPA_XSD") or subprocess.run([str(ROOT / "scripts" / "sepa-schema")], check=True, capture_output=True, text=True).stdout.strip()
    with tempfile.NamedTemporaryFile(suffix=".xml") as file:
        file.write(xml)
        file.flush()
        subprocess.run(["xmllint", "--noout", "--schema", xsd, file.name], check=True, capture_output=True)
    browser.refresh()
    fill_dated(browser, "form[action$='/paiement'] button[type=submit]", {"paid_on": "2026-12-02"})
    assert "Lot marqué payé" in flash(browser)
    both_widths(browser, screenshot, "pass-admin-lots")

    # the funder sees 1 used and 2 handed out; the holder's check says « déjà utilisé »
    log_in(browser, base_url, "caf@exemple.fr")
    browser.get(base_url + "/pass/commanditaires/" + funder)
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "Utilisés : 1" in text and "Remis : 2" in text, text
    browser.delete_all_cookies()
    browser.get(base_url + "/pass/verifier")
    heading(browser, "Vérifier un chèque APTIC")
    fill(browser, numero=printed[0])
    assert "Ce chèque a déjà été utilisé." in notice(browser)
    both_widths(browser, screenshot, "pass-verifier")
    cli(server_env, "ledger", "check")
