"""An administrator opens a consultation (a mistake first, refused next to its field), appoints
an organiser, who proposes (a mistake first too); the administrator supports the proposal; the
organiser closes the consultation; anyone reads it in the list. Every page on the way is accessible,
at 1280 and at 360 px."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from journeys import check_page, fill, heading, log_in, press, sign_up_and_log_in
from test_place_management import cli


def set_date(browser, field, value):
    """A date control takes its value as typed in the browser's locale: it is set as the form sends it."""
    browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, field), value)


def test_open_appoint_close(base_url, browser, screenshot, outbox, server_env):
    browser.set_window_size(1280, 900)
    sign_up_and_log_in(browser, base_url, outbox, "organisatrice@exemple.fr", "Dominique Organise")
    sign_up_and_log_in(browser, base_url, outbox, "admin-consultation@exemple.fr", "Alix Admin")
    assert "administrateur" in cli(server_env, "roles", "grant", "admin-consultation@exemple.fr", "administrateur")

    browser.get(base_url + "/consultations")
    heading(browser, "Consultations")
    press(browser, browser.find_element(By.LINK_TEXT, "Ouvrir une consultation"))
    heading(browser, "Ouvrir une consultation")
    check_page(browser, screenshot, "consultation-nouvelle-1280")
    set_date(browser, "opens_on", "2026-11-23")
    set_date(browser, "closes_on", "2026-11-01")
    fill(browser, title="Vers un label de qualité", context="Quels critères pour un lieu de médiation numérique ?",
         themes="Accueil des publics\nFormation des médiateurs")
    heading(browser, "Ouvrir une consultation")
    error = browser.find_element(By.ID, "closes_on-erreur").text
    assert "fermer avant d'ouvrir" in error, error
    browser.set_window_size(360, 900)
    check_page(browser, screenshot, "consultation-erreur-360")
    set_date(browser, "closes_on", "2027-01-31")
    press(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    heading(browser, "Vers un label de qualité")
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Consultation ouverte, du lundi 23 novembre 2026 au dimanche 31 janvier 2027." in main, main
    check_page(browser, screenshot, "consultation-360")

    fill(browser, submit="form[action$='/organisateurs'] button[type=submit]", email="organisatrice@exemple.fr")
    assert "organise désormais cette consultation" in browser.find_element(By.TAG_NAME, "main").text

    page = browser.current_url
    log_in(browser, base_url, "organisatrice@exemple.fr")
    browser.get(page)
    browser.set_window_size(360, 900)
    fill(browser, submit="form[action$='/propositions'] button[type=submit]", title="Non",
         body="Chaque lieu labellisé accueille sans rendez-vous une demi-journée par semaine.")
    heading(browser, "Vers un label de qualité")
    assert "titre de 5 à 150 caractères" in browser.find_element(By.ID, "title-erreur").text
    check_page(browser, screenshot, "proposition-erreur-360")
    fill(browser, submit="form[action$='/propositions'] button[type=submit]", title="Accueillir sans rendez-vous")
    heading(browser, "Accueillir sans rendez-vous")
    assert "Votre proposition est publiée sous le n°" in browser.find_element(By.TAG_NAME, "main").text
    check_page(browser, screenshot, "proposition-360")
    proposal = browser.current_url

    log_in(browser, base_url, "admin-consultation@exemple.fr")
    browser.get(proposal)
    browser.find_element(By.CSS_SELECTOR, "input[name=position][value=mitige]").click()
    press(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/soutien'] button[type=submit]"))
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "Votre avis est enregistré : mitigé." in main, main
    assert "0 d'accord, 1 mitigé, 0 pas d'accord." in main, main
    check_page(browser, screenshot, "soutien-360")

    log_in(browser, base_url, "organisatrice@exemple.fr")
    browser.get(page)
    Select(browser.find_element(By.ID, "phase")).select_by_visible_text("En analyse")
    press(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/phase'] button[type=submit]"))
    assert "Consultation en analyse" in browser.find_element(By.TAG_NAME, "main").text
    browser.set_window_size(1280, 900)
    check_page(browser, screenshot, "consultation-organisateur-1280")

    browser.delete_all_cookies()
    browser.get(base_url + "/consultations")
    assert "Vers un label de qualité — en analyse" in browser.find_element(By.TAG_NAME, "main").text
    press(browser, browser.find_element(By.LINK_TEXT, "Vers un label de qualité"))
    assert "Accueillir sans rendez-vous — Accueil des publics, par Dominique Organise" in browser.find_element(By.TAG_NAME, "main").text
    check_page(browser, screenshot, "consultations-1280")
    browser.set_window_size(360, 900)
    check_page(browser, screenshot, "consultations-360")
