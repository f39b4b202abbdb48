"""The accessibility checks run a current axe-core, and it finds what it should: a page with no
title, no language, an image without text and empty controls."""
from journeys import axe_violations


def test_axe_core_4_finds_the_violations_of_a_bad_page(browser):
    browser.get("data:text/html,<html><body><img src='x.png'><button></button><a href='/'></a></body></html>")
    found = {v["id"]: v["impact"] for v in axe_violations(browser)}
    assert browser.execute_script("return axe.version").startswith("4.12")
    assert found == {"button-name": "critical", "document-title": "serious", "html-has-lang": "serious",
                     "image-alt": "critical", "link-name": "serious"}
