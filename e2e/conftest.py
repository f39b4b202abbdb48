"""Browser tests: the real `maillage serve` on a fresh SQLite file, driven by Debian's Chromium."""
import json
import os
import pathlib
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOW = "2026-11-23T10:00:00+01:00"
ARTIFACTS = pathlib.Path(os.environ.get("E2E_ARTIFACTS", ROOT / "e2e" / "artifacts"))


def _binary():
    if os.environ.get("MAILLAGE"):
        return os.environ["MAILLAGE"]
    path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "maillage")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server_env():
    """The environment of the served instance: the same DATABASE_URL reaches its outbox."""
    workdir = tempfile.mkdtemp(prefix="maillage-e2e-")
    port = _free_port()
    # The clock is fixed (Monday 23 November 2026, 10:00 in Paris) so that "ouvert maintenant" is
    # the same on every run.
    return dict(os.environ, PORT=str(port), HOST="127.0.0.1", DATABASE_URL=f"sqlite:{workdir}/e2e.sqlite",
                MAILLAGE_NOW=NOW, WORKDIR=workdir)


@pytest.fixture(scope="session")
def outbox(server_env):
    """The mails waiting in the served instance's outbox, read by `maillage outbox --json`."""
    def read():
        out = subprocess.run([_binary(), "outbox", "--json"], cwd=ROOT, env=server_env, check=True,
                             capture_output=True, text=True).stdout
        return [json.loads(line) for line in out.splitlines() if line.strip()]
    return read


def serve(env, log_name):
    """Runs `maillage serve` with `env` until the caller is done; yields its URL."""
    log = open(os.path.join(env["WORKDIR"], log_name), "w")
    server = subprocess.Popen([_binary(), "serve"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{env['PORT']}"
    deadline = time.time() + 120
    while True:
        try:
            urllib.request.urlopen(url + "/", timeout=2)
            break
        except OSError:
            if server.poll() is not None or time.time() > deadline:
                server.kill()
                raise RuntimeError("maillage serve did not start: " + open(log.name).read()[-2000:])
            time.sleep(0.5)
    yield url
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture(scope="session")
def base_url(server_env):
    yield from serve(server_env, "serve.log")


@pytest.fixture(scope="session")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    # a fake camera, granted without asking, for the counter's QR scan
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=fr-FR",
                 "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    yield driver
    driver.quit()


@pytest.fixture
def screenshot(browser):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(name):
        browser.save_screenshot(str(ARTIFACTS / f"{name}.png"))
    return take
