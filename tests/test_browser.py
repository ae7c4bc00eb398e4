"""Open every rendered report in headless Chromium: no JavaScript error, no broken image,
no character drawn with a fallback font (a missing glyph); a screenshot of each page goes
to ``reports/screenshots/`` (not committed).

Chromium is driven over the DevTools protocol (``websocket-client`` comes with
jupyter-server, part of the ``notebooks`` extra). ``make test`` installs Debian's
``chromium`` where it is missing; the test skips, saying why, only if it still cannot be
found.
"""

from __future__ import annotations

import base64
import io
import itertools
import json
import os
import re
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from cxtext.report import REPORTS

REPO = Path(__file__).resolve().parents[1]
SHOTS = REPO / "reports" / "screenshots"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")
SKIP_TAGS = {"STYLE", "SCRIPT", "HEAD", "TITLE", "NOSCRIPT"}


def _chromium() -> str | None:
    env = os.environ.get("CXTEXT_CHROMIUM")
    if env:
        return env
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class DevTools:
    """A minimal Chrome DevTools Protocol client for one page target."""

    def __init__(self, ws_url: str) -> None:
        import websocket

        self.ws = websocket.create_connection(ws_url, timeout=60, suppress_origin=True)
        self.ids = itertools.count(1)
        self.events: list[dict] = []

    def call(self, method: str, **params) -> dict:
        msg_id = next(self.ids)
        self.ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == msg_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def wait_for(self, event: str, timeout: float = 60) -> dict:
        end = time.monotonic() + timeout
        seen = len(self.events)
        while time.monotonic() < end:
            for msg in self.events[seen:]:
                if msg["method"] == event:
                    return msg
            seen = len(self.events)
            msg = json.loads(self.ws.recv())
            if "method" in msg:
                self.events.append(msg)
        raise TimeoutError(event)

    def close(self) -> None:
        self.ws.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    exe = _chromium()
    if exe is None:
        pytest.skip("Chromium not found (Debian: apt-get install -y chromium; `make test` "
                    "installs it when run as root); set CXTEXT_CHROMIUM to its path")
    pytest.importorskip("websocket", reason="websocket-client (comes with jupyter-server)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    proc = subprocess.Popen(
        [exe, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0",
         "--window-size=1200,900", "--hide-scrollbars", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    port_file = profile / "DevToolsActivePort"
    try:
        for _ in range(300):
            if port_file.is_file() and port_file.read_text().strip():
                break
            if proc.poll() is not None:
                pytest.fail(f"Chromium exited with {proc.returncode} before listening")
            time.sleep(0.1)
        else:
            pytest.fail("Chromium did not open its DevTools port within 30 s")
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as resp:
            pages = [t for t in json.load(resp) if t.get("type") == "page"]
        tools = DevTools(pages[0]["webSocketDebuggerUrl"])
        for domain in ("Page", "Runtime", "Log", "DOM", "CSS"):
            tools.call(f"{domain}.enable")
        yield tools
        tools.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _text_elements(node: dict, out: list[tuple[int, str]]) -> None:
    """(nodeId, direct text) of every element whose own text has a non-ASCII character."""
    if node.get("nodeName") in SKIP_TAGS:
        return
    children = node.get("children", [])
    text = "".join(c.get("nodeValue", "") for c in children if c.get("nodeType") == 3)
    if node.get("nodeType") == 1 and text.strip() and not text.isascii():
        out.append((node["nodeId"], text))
    for child in children:
        _text_elements(child, out)


def _open(tools: DevTools, path: Path) -> dict:
    tools.events.clear()
    tools.call("Page.navigate", url=path.resolve().as_uri())
    tools.wait_for("Page.loadEventFired")
    tools.call("Runtime.evaluate", expression="document.fonts.ready.then(() => true)",
               awaitPromise=True)
    errors = [m["params"] for m in tools.events if m["method"] == "Runtime.exceptionThrown"]
    errors += [m["params"]["entry"] for m in tools.events
               if m["method"] == "Log.entryAdded" and m["params"]["entry"]["level"] == "error"]
    errors += [m["params"] for m in tools.events
               if m["method"] == "Runtime.consoleAPICalled" and m["params"]["type"] == "error"]
    images = tools.call(
        "Runtime.evaluate", returnByValue=True,
        expression="JSON.stringify({n: document.images.length, broken: Array.from("
                   "document.images).filter(i => !i.complete || i.naturalWidth === 0)"
                   ".map(i => i.src.slice(0, 60))})",
    )["result"]["value"]
    visible = tools.call("Runtime.evaluate", returnByValue=True,
                         expression="document.body.innerText")["result"]["value"]
    root = tools.call("DOM.getDocument", depth=-1)["root"]
    elements: list[tuple[int, str]] = []
    _text_elements(root, elements)
    fallback: dict[str, set[str]] = {}
    for node_id, text in elements:
        fonts = tools.call("CSS.getPlatformFontsForNode", nodeId=node_id)["fonts"]
        for font in fonts:
            # the embedded web font reports its own name (Noto Sans SC) with isCustomFont;
            # anything else is a system fallback for a glyph the subset lacks
            if not font.get("isCustomFont"):
                chars = {c for c in text if not c.isascii() and not c.isspace()}
                fallback.setdefault(font["familyName"], set()).update(chars)
    # A character no font has is drawn as the embedded font's empty box (.notdef) and
    # reported as that font: check the visible text against the font's character map.
    missing = _not_in_embedded_font(path.read_text(encoding="utf-8"), visible)
    if missing:
        fallback.setdefault(".notdef", set()).update(missing)
    return {"errors": errors, "images": json.loads(images), "fallback": fallback,
            "n_text_elements": len(elements)}


def _not_in_embedded_font(html: str, visible: str) -> set[str]:
    """Characters of ``visible`` that the page's embedded WOFF font cannot draw."""
    from fontTools.ttLib import TTFont

    match = re.search(r"url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)", html)
    if match is None:
        return {c for c in visible if not c.isascii()}
    cmap = TTFont(io.BytesIO(base64.b64decode(match.group(1)))).getBestCmap()
    return {c for c in visible if not c.isspace() and ord(c) not in cmap}


def _screenshot(tools: DevTools, target: Path) -> None:
    size = tools.call("Page.getLayoutMetrics")["cssContentSize"]
    height = min(int(size["height"]) + 1, 16000)
    tools.call("Emulation.setDeviceMetricsOverride", width=1200, height=height,
               deviceScaleFactor=1, mobile=False)
    shot = tools.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
    tools.call("Emulation.clearDeviceMetricsOverride")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(base64.b64decode(shot["data"]))


@pytest.mark.slow
@pytest.mark.parametrize("name", [*REPORTS, "index"])
def test_report_renders_in_chromium(browser, rendered_reports, name):
    path = rendered_reports.out / f"{name}.html"
    result = _open(browser, path)
    _screenshot(browser, SHOTS / f"{name}.png")
    assert result["errors"] == []
    assert result["images"]["broken"] == []
    if name != "index":
        assert result["images"]["n"] >= (1 if name != "corpus_profile" else 2)
    # Chinese text is found and every character of it is drawn with the embedded font
    assert result["n_text_elements"] > (5 if name == "index" else 50)
    assert result["fallback"] == {}, {k: "".join(sorted(v))[:80]
                                      for k, v in result["fallback"].items()}
    assert (SHOTS / f"{name}.png").stat().st_size > 10_000


def test_browser_checks_can_fail(browser, tmp_path):
    """A glyph outside the embedded subset, a script error and a broken image are caught."""
    from cxtext.report import _embed_font

    page = ('<!DOCTYPE html><html><head><meta charset="utf-8"><style>body {font-family: '
            '"cxtext CJK", sans-serif}</style></head><body><p>客户投诉</p></body></html>')
    html = _embed_font(page).replace(
        "<p>客户投诉</p>",
        '<p>客户投诉龘</p><p>客户😡</p><img src="data:image/png;base64,AAAA">'
        '<script>throw new Error("boom")</script>')
    (tmp_path / "bad.html").write_text(html, encoding="utf-8")
    result = _open(browser, tmp_path / "bad.html")
    assert result["fallback"][".notdef"] == {"龘", "😡"}
    assert len(result["images"]["broken"]) == 1
    assert any("boom" in json.dumps(e) for e in result["errors"])
