"""Full-page screenshots of every page type at 375 and 1280 px, for design review.

Serves the starter library with gunicorn on a scratch data folder (one member login included, for
"Mina guider" and "Mitt konto") and photographs each page with Debian's Chromium, plus the
JavaScript states worth seeing (the phone filter panel, search suggestions).

    python bench/screenshots.py bench/results/screenshots/after     # default folder: .../latest
    python bench/screenshots.py OUT --base-url http://127.0.0.1:8094 --no-setup   # a server you run
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PORT = 8094
WIDTHS = ((375, 812), (1280, 900))
MEMBER = ("skarmbild@example.se", "ett-bra-lösenord-42")

PAGES = {
    "start": "/",
    "catalogue": "/chefsguider/",
    "catalogue-filtered": "/chefsguider/?omrade=lon&situation=lonerevision",
    "search": "/chefsguider/?q=lönesamtal",
    "search-filtered": "/chefsguider/?q=lönesamtal&omrade=lon",
    "search-empty": "/chefsguider/?q=xyzzyqq",
    "area": "/chefsguider/omrade/lon/",
    "situation": "/chefsguider/situation/sjukskrivning-och-rehabilitering/",
    "guide": "/chefsguider/lonesamtal-med-medarbetare/",
    "guide-members-only": "{members_only}",
    "tools": "/verktyg/",
    "tool-follow-up": "/verktyg/uppfoljningsplan/?intervall=manad&start=2026-10-26&antal=4&langd=60"
    "&klockan=09:00&guide=lonesamtal-med-medarbetare",
    "tool-process": "/verktyg/sjukskrivning/?start=2026-03-02&minst_60_dagar=on",
    "tool-meeting-pack": "/verktyg/motespaket/",
    "tool-evaluation": "/verktyg/personlig-utvardering/",
    "tool-letters": "/verktyg/brev/",
    "experts": "/experten-svarar/",
    "expert-answer": "{expert_answer}",
    "expert-ask": "/experten-svarar/fraga/",
    "podcast": "/podd/",
    "episode": "{episode}",
    "membership": "/bli-medlem/",
    "login": "/logga-in/",
    "privacy": "/integritet/",
    "404": "/finns-inte/",
}
MEMBER_PAGES = {"member-saved-guides": "/mina-guider/", "member-account": "/mitt-konto/"}


def starter_copy(target: Path) -> Path:
    """content/ copied, with links to guides the writers have not written yet turned into plain text
    (the library is written in waves; a dangling link would stop the whole import)."""
    shutil.copytree(ROOT / "content", target)
    guides = target / "guides"
    slugs = {path.stem for path in guides.glob("*.md")}
    link = re.compile(r"\[([^\]]+)\]\(/guider/([a-z0-9-]+)/\)")
    for folder in (guides, target / "experts", target / "podcasts"):
        for path in folder.glob("*.md"):
            text = path.read_text(encoding="utf-8")
            fixed = link.sub(lambda m: m.group(0) if m.group(2) in slugs else m.group(1), text)
            if fixed != text:
                path.write_text(fixed, encoding="utf-8")
    return target


def setup(data_dir: Path, load: bool = True) -> dict[str, str]:
    """Migrate, load the starter library, collect static files, make the member; the pages' addresses.
    With load=False the library already in data_dir is kept (only static files are collected again)."""
    os.environ.update(CHEFSGUIDER_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="chefsguider.settings.base")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from experts.models import ExpertAnswerPage
    from guides.models import GuidePage
    from membership.models import Application
    from podcasts.models import EpisodePage

    if load:
        call_command("migrate", interactive=False, verbosity=0)
        content = starter_copy(data_dir / "content")
        for command, relative in (("import_facts", "facts"), ("import_terms", "terms.yml"),
                                  ("import_guides", "guides"), ("import_experts", "experts"),
                                  ("import_podcasts", "podcasts")):
            call_command(command, str(content / relative), verbosity=0, stdout=open(os.devnull, "w"))
    call_command("collectstatic", interactive=False, verbosity=0)
    if not Application.objects.filter(email=MEMBER[0]).exists():
        Application.objects.create(
            name="Sara Skärmbild", email=MEMBER[0], employer="Exempelbolaget AB", job_title="Enhetschef",
            direct_reports=8, sector="privat", consented_at=timezone.now(),
        ).confirm(MEMBER[1])
    return {
        "members_only": GuidePage.objects.live().filter(members_only=True).first().url,
        "expert_answer": ExpertAnswerPage.objects.live().first().url,
        "episode": EpisodePage.objects.live().order_by("-published_on").first().url,
    }


def serve(data_dir: Path) -> subprocess.Popen:
    env = {**os.environ, "CHEFSGUIDER_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "chefsguider.settings.base",
           "PAGE_CACHE_SECONDS": "0"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "chefsguider.wsgi", "--bind", f"127.0.0.1:{PORT}", "--workers", "2",
         "--log-level", "warning"], cwd=ROOT, env=env)
    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=2)
            return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("the server did not start")


def shoot(page, out: Path, name: str) -> None:
    for width, height in WIDTHS:
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(150)
        page.screenshot(path=str(out / f"{name}-{width}.png"), full_page=True)


def photograph(base_url: str, out: Path, pages: dict[str, str]) -> list[str]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    taken = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"])
        context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        for name, path in pages.items():
            response = page.goto(base_url + path)
            if response.status >= 400 and name != "404":
                print(f"skipped {name}: {path} answered {response.status}")
                continue
            shoot(page, out, name)
            taken.append(name)

        # JavaScript states: the phone filter panel and search suggestions.
        page.set_viewport_size({"width": 375, "height": 812})
        page.goto(base_url + "/chefsguider/")
        opener = page.locator("[data-filter-open]")
        if opener.count():
            opener.click()
            page.wait_for_timeout(300)
            page.screenshot(path=str(out / "catalogue-filter-panel-375.png"))
            taken.append("catalogue-filter-panel (375 only)")
        page.goto(base_url + "/")
        field = page.locator("#sok-start")
        if field.count():
            field.type("lönes", delay=40)
            page.wait_for_timeout(600)
            for width, height in WIDTHS:
                page.set_viewport_size({"width": width, "height": height})
                page.screenshot(path=str(out / f"suggestions-{width}.png"))
            taken.append("suggestions (viewport only)")

        page.goto(base_url + "/logga-in/")
        page.get_by_label("E-post").fill(MEMBER[0])
        page.get_by_label("Lösenord").fill(MEMBER[1])
        page.get_by_role("main").get_by_role("button", name="Logga in").click()
        page.wait_for_load_state()
        for name, path in MEMBER_PAGES.items():
            page.goto(base_url + path)
            shoot(page, out, name)
            taken.append(name)
        browser.close()
    return taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(ROOT / "bench/results/screenshots/latest"))
    parser.add_argument("--base-url", default=f"http://127.0.0.1:{PORT}")
    parser.add_argument("--no-setup", action="store_true", help="photograph a server that is already running")
    parser.add_argument("--data-dir", default=str(ROOT / "bench/results/screenshots-data"))
    parser.add_argument("--reuse", action="store_true", help="keep the library loaded in --data-dir last time")
    args = parser.parse_args()
    server = None
    if args.no_setup:
        addresses = {"members_only": "/chefsguider/", "expert_answer": "/experten-svarar/", "episode": "/podd/"}
    else:
        data_dir = Path(args.data_dir)
        if not args.reuse:
            shutil.rmtree(data_dir, ignore_errors=True)
            data_dir.mkdir(parents=True)
        addresses = setup(data_dir, load=not args.reuse)
        server = serve(data_dir)
    try:
        pages = {name: path.format(**addresses) for name, path in PAGES.items()}
        taken = photograph(args.base_url, Path(args.out), pages)
    finally:
        if server:
            server.terminate()
            server.wait()
    print(f"{len(taken)} page types in {args.out}: {', '.join(taken)}")


if __name__ == "__main__":
    main()
