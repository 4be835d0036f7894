"""The app in a real browser: Debian's Chromium driven by Playwright against ``streamlit run``.

The app is started the way ``ecograph app`` starts it (same command line) on the test store
holding the demo graph. Any request leaving this machine fails the test: the app, its network
pictures included, must work offline. Screenshots of every page go to ``test-artifacts/``.
"""
from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
LOCAL = {"127.0.0.1", "localhost"}
WAIT_MS = 60_000
SO_HCM = "so-khoa-hoc-va-cong-nghe-thanh-pho-ho-chi-minh"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (apt install chromium)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def app_url(demo, tmp_path):
    from app.cli.app import streamlit_command

    port = _free_port()
    log = (tmp_path / "streamlit.log").open("w")
    proc = subprocess.Popen(streamlit_command(port, "127.0.0.1"), cwd=tmp_path, env=os.environ.copy(),
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"streamlit did not start: {(tmp_path / 'streamlit.log').read_text()[-2000:]}")
        time.sleep(0.3)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture
def browser_page(app_url):
    from playwright.sync_api import sync_playwright

    outside: list[str] = []

    def gate(route):
        url = route.request.url
        if url.startswith(("http://", "https://", "ws://", "wss://")) and urlparse(url).hostname not in LOCAL:
            outside.append(url)
            route.abort()
        else:
            route.continue_()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1440, "height": 1500}, locale="en-GB")
        context.route("**/*", gate)
        page = context.new_page()
        page.on("request", lambda r: outside.append(r.url) if r.url.startswith(("http://", "https://"))
                and urlparse(r.url).hostname not in LOCAL else None)
        yield page, app_url
        browser.close()
    assert not outside, f"requests left this machine: {sorted(set(outside))}"


def settled(page) -> None:
    """Wait until the script run is over, tables are drawn and network pictures have laid out."""
    page.wait_for_selector("h1", timeout=WAIT_MS)
    page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')", timeout=WAIT_MS)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stSkeleton]') && [...document.querySelectorAll("
        "'[data-testid=stDataFrame]')].filter(d => d.offsetParent).every(d => d.querySelector('canvas'))",
        timeout=WAIT_MS)
    if network_frames(page):
        drawn_network(page)
    page.wait_for_timeout(300)


def network_frames(page):
    """The frames holding a network picture (a frame being replaced by a rerun is skipped)."""
    from playwright.sync_api import Error

    found = []
    for f in page.frames:
        try:
            if f != page.main_frame and f.query_selector("#mynetwork"):
                found.append(f)
        except Error:
            continue
    return found


def drawn_network(page):
    """The one network picture on the page, once it has laid out."""
    from playwright.sync_api import Error

    deadline = time.monotonic() + WAIT_MS / 1000
    while True:
        frames = network_frames(page)
        if len(frames) == 1:
            try:
                frames[0].wait_for_selector("body[data-ready='1']", timeout=WAIT_MS)
                return frames[0]
            except Error:  # replaced while laying out: wait for the new one
                pass
        assert time.monotonic() < deadline, f"{len(frames)} network pictures on the page, expected 1"
        page.wait_for_timeout(200)


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def pick(page, label: str, text: str) -> None:
    """Type ``text`` into the entity box labelled ``label`` and press Enter, as a user does."""
    page.locator("[data-testid=stSelectbox]").filter(has_text=label).first.click()
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def test_search_select_a_node_and_find_a_path(browser_page):
    page, url = browser_page

    page.goto(f"{url}/?lang=en")
    drawn_network(page)
    settled(page)
    assert page.get_by_role("heading", name="Overview").is_visible()
    shoot(page, "01-overview")

    page.goto(f"{url}/explore?lang=en")
    settled(page)
    pick(page, "Find an entity", "Busan")
    page.get_by_role("heading", name="Neighbourhood of Busan").wait_for(timeout=WAIT_MS)
    frame = drawn_network(page)
    settled(page)
    labels = frame.evaluate("() => nodes.get().map(n => n.label)")
    assert {"Busan", "Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh", "Hàn Quốc", "Lê Thanh Minh"} <= set(labels)
    inked = frame.evaluate("""() => {
        const c = document.querySelector('#mynetwork canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
        return [c.width, c.height, n]; }""")
    assert inked[0] > 300 and inked[1] > 300 and inked[2] > 2000, inked
    assert page.get_by_text("Đoàn Thành phố Busan đến thăm và làm việc").first.is_visible()
    shoot(page, "02-explore-busan")

    x, y = frame.evaluate("() => { const p = network.canvasToDOM(network.getPositions(['le-thanh-minh'])"
                          "['le-thanh-minh']); return [p.x, p.y]; }")
    frame.locator("#mynetwork canvas").click(position={"x": x, "y": y})
    page.get_by_role("heading", name="Lê Thanh Minh", exact=True).wait_for(timeout=WAIT_MS)
    settled(page)
    evidence = page.get_by_text("Lê Thanh Minh is a deputy director of HCMC DOST.")
    evidence.first.wait_for(timeout=WAIT_MS)
    assert "node=le-thanh-minh" in page.url
    shoot(page, "03-explore-node-selected")

    page.goto(f"{url}/paths?lang=en")
    settled(page)
    pick(page, "From", "Busan")
    settled(page)
    pick(page, "To", "Israel")
    page.get_by_text("path(s) from Busan to Israel").wait_for(timeout=WAIT_MS)
    drawn_network(page)
    settled(page)
    assert page.get_by_text("Path 1:").first.is_visible()
    assert page.locator("blockquote").count() > 0  # each hop's evidence sentence
    shoot(page, "04-paths")


def test_screenshots_of_every_page(browser_page):
    page, url = browser_page
    views = {
        "05-brokers": "/brokers?lang=en",
        "06-visit": f"/visit?lang=en&target=busan&home={SO_HCM}",
        "07-timeline": "/timeline?lang=en",
        "08-ingest": "/ingest?lang=en",
        "09-cypher": "/cypher?lang=en",
        "10-overview-vi": "/?lang=vi",
        "11-explore-vi": f"/explore?lang=vi&entity={SO_HCM}",
    }
    for name, path in views.items():
        page.goto(url + path)
        settled(page)
        if name == "09-cypher":
            page.get_by_role("button", name="Run").click()
            page.get_by_text("row(s)").wait_for(timeout=WAIT_MS)
            settled(page)
        assert not page.locator("[data-testid=stException]").count(), name
        shoot(page, name)
    assert len(list(ARTIFACTS.glob("*.png"))) >= len(views)
