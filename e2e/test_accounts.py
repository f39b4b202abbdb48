"""A person signs up, confirms their address from the mail, logs in and out; each page is
accessible and fits a phone."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from journeys import PASSWORD, check_page, fill, heading, mail_link


@pytest.mark.parametrize("width", [1280, 360])
def test_sign_up_confirm_log_in(base_url, browser, screenshot, outbox, width):
    browser.delete_all_cookies()
    browser.set_window_size(width, 900)
    email = f"marie.{width}@exemple.fr"

    # a weak password is refused next to its field, what was typed kept
    browser.get(base_url + "/inscription")
    check_page(browser, screenshot, f"inscription-{width}")
    fill(browser, name="Marie Curie", email=email, password="motdepasse123")
    error = WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "password-erreur"))
    assert "plus courants" in error.text
    assert browser.find_element(By.ID, "email").get_attribute("value") == email
    check_page(browser, screenshot, f"inscription-erreur-{width}")

    fill(browser, password=PASSWORD)
    heading(browser, "Vérifiez votre messagerie")
    check_page(browser, screenshot, f"inscription-envoyee-{width}")

    # the mail carries the link; the page it opens confirms with one button
    browser.get(base_url + mail_link(outbox, email, "/compte/confirmer"))
    check_page(browser, screenshot, f"confirmer-{width}")
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    heading(browser, "Adresse confirmée")

    # log in, see the account, log out
    browser.get(base_url + "/connexion")
    check_page(browser, screenshot, f"connexion-{width}")
    fill(browser, email=email, password=PASSWORD)
    heading(browser, "Mon compte")
    assert "Marie Curie" in browser.find_element(By.TAG_NAME, "main").text
    assert browser.find_element(By.CSS_SELECTOR, "main p.flash").text == "Vous êtes connecté."
    assert browser.find_element(By.CSS_SELECTOR, "header nav.account li.person").text == "Marie Curie"
    check_page(browser, screenshot, f"compte-{width}")
    cookie = browser.get_cookie("maillage_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    # from the header, on any page
    browser.find_element(By.XPATH, "//header//button[.='Se déconnecter']").click()
    heading(browser, "Lieux de médiation numérique")
    assert browser.find_element(By.CSS_SELECTOR, "main p.flash").text == "Vous êtes déconnecté."
    browser.get(base_url + "/compte")
    heading(browser, "Se connecter")
