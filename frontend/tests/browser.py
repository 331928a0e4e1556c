"""Browser test fixtures and helpers: Debian's Chromium driven by Playwright against a live test server.

The browser is started once per test process; each test gets a fresh context (no shared storage).
Playwright's sync API runs an event loop in this thread, so Django's async-safety guard is told
that database access from the test body is intended.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
# Without these, Chromium tries to reach Google's servers, which this network refuses.
QUIET_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps",
]


@pytest.fixture(scope="session")
def browser(django_db_setup):
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Once Playwright's loop runs, Django opens new connection objects; they must keep the copy
    # of the migrated data that serialized rollback restores before each browser test.
    saved = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            for alias, contents in saved.items():
                connections[alias]._test_serialized_contents = contents
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=QUIET_FLAGS)
            yield browser
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def _open(browser, **options):
    """A fresh context (no shared storage) and page at desktop size."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE", **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


@pytest.fixture
def page(browser):
    """A page with JavaScript; console errors (CSP violations included) fail the test."""
    context, page = _open(browser)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], errors


@pytest.fixture
def audit_page(browser):
    """A page that lets the test inject axe-core despite the site's Content-Security-Policy."""
    context, page = _open(browser, bypass_csp=True)
    yield page
    context.close()


@pytest.fixture
def no_js_page(browser):
    context, page = _open(browser, java_script_enabled=False)
    yield page
    context.close()


@pytest.fixture
def indexed():
    """Rebuild the search index from the test database, so searches see exactly this test's guides."""

    def rebuild():
        from search import get_engine
        from search.documents import all_documents

        get_engine().rebuild(all_documents())

    return rebuild


def screenshot(page, name: str) -> None:
    """Full-page screenshots at phone and desktop widths, kept as test artefacts."""
    ARTIFACTS.mkdir(exist_ok=True)
    size = page.viewport_size
    for width, height in ((375, 812), (1280, 900)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size(size)


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.1 A and AA violations on the current page (rule id, impact, targets)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => {
            const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                            targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
        }"""
    )
    return result


def accessibility_problems(page, base_url: str, paths: dict[str, str]) -> dict[str, dict]:
    """{name: problems} for each named path whose page has axe violations or not exactly one h1."""
    problems = {}
    for name, path in paths.items():
        page.goto(f"{base_url}{path}")
        violations = axe_violations(page)
        headings = page.locator("h1").count()
        if violations or headings != 1:
            problems[name] = {"violations": violations, "h1": headings}
    return problems


VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def html_errors(documents: dict[str, str]) -> dict[str, list[str]]:
    """{name: errors} from the Nu Html Checker (npm vnu-jar, run with the installed Java) for each
    named HTML document that has any; one Java start for all of them."""
    import json
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for number, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"page-{number}.html"
            path.write_text(html, encoding="utf-8")
            files[path.name] = name
        command = ["java", "-Xss4m", "-jar", str(VNU), "--errors-only", "--format", "json", "--exit-zero-always"]
        run = subprocess.run(command + list(files), cwd=folder, capture_output=True, text=True,
                             timeout=300)
        messages = json.loads(run.stderr or run.stdout)["messages"]
    problems: dict[str, list[str]] = {}
    for message in messages:
        name = files.get(message.get("url", "").rsplit("/", 1)[-1], "?")
        problems.setdefault(name, []).append(f"{message.get('lastLine', '?')}: {message['message']}")
    return problems


def rendered_html(page) -> str:
    """The page as the browser has it now, after its scripts ran, as a document for the checker."""
    return "<!doctype html>\n" + page.evaluate("document.documentElement.outerHTML")
