"""End to end in a real headless Chromium (Debian `chromium`, driven by Playwright): the
seed's story in the UI, and untrusted article text that must never run as script."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT, SEED, needs_shared, run_cli

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
HOSTILE = ("By Staff, 1 May 2024\n\nFrance criticised Spain over fishing quotas. "
           "<script>alert(1)</script> <img src=x onerror=\"window.__xss = 1; alert(2)\"> "
           "Spain rejected the criticism.\n")

pytestmark = [needs_shared,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed "
                                 "(`apt-get install chromium`; .ci/run and `make test` install it)")]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from multipolar.api import create_app

    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    db = folder / "web.duckdb"
    assert run_cli("ingest", str(SEED), str(hostile), "--db", str(db))[0] == 0
    port = _free_port()
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture()
def page(server: str) -> Iterator:  # type: ignore[type-arg]
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.dialogs = []  # type: ignore[attr-defined]
        tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
        yield tab
        browser.close()


def test_analyst_follows_the_recognition_story(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server)
    page.fill("#search", "Taliban")
    page.click("#search-results a:has-text('Taliban (government)')")
    page.wait_for_selector("#actor-name")
    assert page.inner_text("#actor-name") == "Taliban"
    page.fill("#as-of", "2025-08-01")
    page.dispatch_event("#as-of", "change")
    page.wait_for_selector("#relations[data-as-of='2025-08-01']")
    recognized_by = page.inner_text("#relations .relation[data-kind='Recognized by']")
    assert "Russia" in recognized_by and "Pakistan" not in recognized_by
    page.screenshot(path=str(ARTIFACTS / "taliban-2025-08-01.png"), full_page=True)
    page.fill("#as-of", "2025-06-15")
    page.dispatch_event("#as-of", "change")
    page.wait_for_selector("#relations[data-as-of='2025-06-15']")
    assert "Recognized by" not in page.inner_text("#relations")
    page.fill("#as-of", "2025-08-01")
    page.dispatch_event("#as-of", "change")
    page.wait_for_selector("#relations[data-as-of='2025-08-01']")
    page.click("#relations .relation[data-kind='Recognized by'] a:has-text('evidence')")
    page.wait_for_selector(".evidence-item")
    evidence = page.inner_text("main")
    assert "formally recognize the Taliban government" in evidence
    assert page.locator("mark.trigger").count() >= 1 and page.locator("mark.actor").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "recognition-event.png"), full_page=True)
    assert page.dialogs == []


def test_article_markup_is_shown_not_run(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/#/doc/hostile")
    page.wait_for_selector("#article")
    text = page.inner_text("#article")
    assert "<script>alert(1)</script>" in text and "onerror=" in text
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert page.locator("#article img").count() == 0 and page.locator("#article script").count() == 0
    page.goto(f"{server}/#/actor/ESP")
    page.wait_for_selector("#actor-events")
    page.wait_for_timeout(200)
    assert page.evaluate("window.__xss") is None
    page.screenshot(path=str(ARTIFACTS / "hostile-article.png"), full_page=True)
    assert page.dialogs == []
