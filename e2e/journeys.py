"""Steps the browser tests share: checking a page, filling a form, getting an account."""
import json
import re

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ARTIFACTS, ROOT

PASSWORD = "cheval agrafe batterie correcte"


# axe-core 4.12, from the axe-playwright-python wheel (scripts/install-axe), with the WCAG 2.0,
# 2.1 and 2.2 rules of levels A and AA.
AXE = ROOT / "vendor" / "axe" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_violations(browser):
    """Every axe violation of the page, each with its impact and the elements it names."""
    browser.set_script_timeout(60)
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    result = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
           .then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                                 nodes: v.nodes.map(n => n.target)}))}))
           .catch(e => done({error: String(e)}));
    """, AXE_TAGS)
    assert "error" not in result, result
    return result["violations"]


def check_page(browser, screenshot, name):
    """A screenshot, nothing wider than the window, and no serious or critical axe violation;
    every violation, whatever its impact, kept in the artefacts (axe/NAME.json)."""
    screenshot(name)
    overflow = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"
    violations = axe_violations(browser)
    (ARTIFACTS / "axe").mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "axe" / f"{name}.json").write_text(json.dumps(violations, indent=1, ensure_ascii=False))
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(serious, indent=1, ensure_ascii=False)


def heading(browser, text):
    """Waits for the page whose h1 is `text` (a click loads the next page asynchronously)."""
    def shown(b):
        try:
            return b.find_element(By.TAG_NAME, "h1").text == text
        except WebDriverException:
            # the old page went away between finding its h1 and reading it (stale, or
            # "node does not belong to the document"): the next poll reads the new one
            return False
    WebDriverWait(browser, 10).until(shown, f"no page titled {text!r}")


def press(browser, element):
    """Clicks a link or a form's button and waits until the page it leads to has replaced this
    one: what is read next (a flash message, a heading) is then the new page's, never the old's."""
    page = browser.find_element(By.TAG_NAME, "html")
    element.click()

    def replaced(_):
        try:
            page.is_enabled()
            return False
        except WebDriverException:
            # stale, or, in recent Chromium, "node does not belong to the document": both mean gone
            return True
    WebDriverWait(browser, 10).until(replaced, "the page stayed")


def fill(browser, submit="main form button[type=submit]", **fields):
    for name, value in fields.items():
        element = browser.find_element(By.ID, name)
        element.clear()
        element.send_keys(value)
    press(browser, browser.find_element(By.CSS_SELECTOR, submit))


def mail_link(outbox, email, path):
    """The path of the newest link to `path` in the mails to `email`."""
    mail = [m for m in outbox() if m["to"] == email][-1]
    link = re.search(r"http://\S+", mail["body"]).group(0)
    return link[link.index(path):]


def sign_up_and_log_in(browser, base_url, outbox, email, name):
    """A new account, confirmed from its mail, logged in: the browser ends on « Mon compte »."""
    browser.delete_all_cookies()
    browser.get(base_url + "/inscription")
    fill(browser, name=name, email=email, password=PASSWORD)
    heading(browser, "Vérifiez votre messagerie")
    browser.get(base_url + mail_link(outbox, email, "/compte/confirmer"))
    browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    heading(browser, "Adresse confirmée")
    log_in(browser, base_url, email)


def log_in(browser, base_url, email):
    browser.delete_all_cookies()
    browser.get(base_url + "/connexion")
    fill(browser, email=email, password=PASSWORD)
    heading(browser, "Mon compte")
