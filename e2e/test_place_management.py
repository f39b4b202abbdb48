"""A person claims a place, an administrator approves, the new manager edits its hours: the
public page and the export show them. Every page on the way is accessible and fits a phone."""
import subprocess

from selenium.webdriver.common.by import By

from conftest import ROOT, _binary
from journeys import check_page, fill, heading, log_in, press, sign_up_and_log_in

PLACE = "mediation-numerique-conseiller-numerique-63d29db4e6d6a806f256459a-mediation-numerique"
HOURS = "Mo-Fr 10:00-12:00,14:00-17:30; Sa 09:30-12:00"


def cli(server_env, *arguments):
    return subprocess.run([_binary(), *arguments], cwd=ROOT, env=server_env, check=True, capture_output=True, text=True).stdout


def test_claim_approve_edit_hours(base_url, browser, screenshot, outbox, server_env):
    browser.set_window_size(360, 900)

    # a person signs up and claims the place from its page
    sign_up_and_log_in(browser, base_url, outbox, "gestion@exemple.fr", "Camille Gestion")
    browser.get(base_url + "/lieux/" + PLACE)
    name = browser.find_element(By.TAG_NAME, "h1").text
    browser.find_element(By.PARTIAL_LINK_TEXT, "Demandez à mettre à jour sa fiche").click()
    heading(browser, f"Gérer la fiche de {name}")
    check_page(browser, screenshot, "revendiquer-360")
    fill(browser, message="Conseillère numérique du lieu")
    # back on the place's page, which says, once, that the claim went
    heading(browser, name)
    flash = browser.find_element(By.CSS_SELECTOR, "main p.flash[role=status]").text
    assert flash == "Votre demande a été envoyée. Vous recevrez la réponse par courriel.", flash
    check_page(browser, screenshot, "demande-envoyee-360")
    browser.refresh()
    assert not browser.find_elements(By.CSS_SELECTOR, "main p.flash")

    # an administrator, named from the command line, approves
    sign_up_and_log_in(browser, base_url, outbox, "admin@exemple.fr", "Alex Admin")
    assert "administrateur" in cli(server_env, "roles", "grant", "admin@exemple.fr", "administrateur")
    browser.get(base_url + "/admin/revendications")
    heading(browser, "Demandes de gestion de lieux")
    assert "Conseillère numérique du lieu" in browser.find_element(By.TAG_NAME, "main").text
    check_page(browser, screenshot, "revendications-360")
    press(browser, browser.find_element(By.CSS_SELECTOR, "button[aria-label='Accepter la demande de Camille Gestion']"))
    heading(browser, "Demandes de gestion de lieux")
    assert "Demande acceptée." in browser.find_element(By.TAG_NAME, "main").text
    browser.get(base_url + "/admin/roles")
    assert "gestionnaire de lieu" in browser.find_element(By.TAG_NAME, "main").text
    check_page(browser, screenshot, "roles-360")

    # the manager edits the hours
    log_in(browser, base_url, "gestion@exemple.fr")
    browser.get(base_url + "/lieux/" + PLACE + "/modifier")
    heading(browser, f"Modifier la fiche de {name}")
    check_page(browser, screenshot, "modifier-360")
    fill(browser, submit="main form button[type=submit]", horaires=HOURS)
    heading(browser, name)
    hours = browser.find_element(By.TAG_NAME, "main").get_attribute("textContent")
    assert "Samedi\u00a0: 9\u00a0h\u00a030 – 12\u00a0h" in hours, hours
    assert "Du lundi au vendredi\u00a0: 10\u00a0h – 12\u00a0h, 14\u00a0h – 17\u00a0h\u00a030" in hours, hours
    check_page(browser, screenshot, "lieu-modifie-360")

    # the history keeps the change; the export carries the new hours
    browser.get(base_url + "/lieux/" + PLACE + "/historique")
    assert HOURS in browser.find_element(By.TAG_NAME, "main").text
    check_page(browser, screenshot, "historique-360")
    exported = [line for line in cli(server_env, "export", "--format", "csv").splitlines() if PLACE in line]
    assert len(exported) == 1 and HOURS in exported[0]
    assert "intact" in cli(server_env, "audit", "verify")
