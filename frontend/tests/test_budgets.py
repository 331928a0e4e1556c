"""Page weight budgets, cache-busting static files, and no layout shift from late assets.

Transfer sizes are what a first-time reader downloads: the gzip-compressed HTML as the site sends
it, plus every stylesheet, script, icon and font the page references, gzip-compressed as WhiteNoise
serves them. Icons are inline (one sprite per page), so they count with the HTML; the site uses the
reader's system fonts, so there are none to download. Budgets: a guide page 35 KB, the catalogue 45 KB.
"""

import gzip
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import Client

from guides.importer import import_guides

pytestmark = pytest.mark.django_db
ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src)="(/static/[^"]+)"')
CONTENT = Path(__file__).resolve().parents[2] / "content" / "guides"


def transferred(client, url) -> tuple[int, dict]:
    response = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200 and response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content).decode()
    sizes = {"html": len(response.content)}
    for asset in ASSET.findall(html):
        path = finders.find(asset.removeprefix("/static/"))
        sizes[asset] = len(gzip.compress(Path(path).read_bytes(), compresslevel=9))
    return sum(sizes.values()), sizes


@pytest.fixture
def longest_guide(tmp_path, make_guide):
    """The longest guide of the starter library, imported with stand-ins for the guides it links to."""
    path = max(CONTENT.glob("*.md"), key=lambda path: len(path.read_text(encoding="utf-8")))
    for slug in set(re.findall(r"\(/guider/([a-z0-9-]+)/\)", path.read_text(encoding="utf-8"))) - {path.stem}:
        make_guide(slug=slug)
    for _ in range(12):
        make_guide()
    (tmp_path / path.name).write_bytes(path.read_bytes())
    report = import_guides(tmp_path)
    assert not report.failed, report.failed
    return path.stem


def test_guide_page_and_catalogue_stay_within_budget(client, longest_guide):
    total, sizes = transferred(client, f"/chefsguider/{longest_guide}/")
    print(f"guide page {total / 1024:.1f} KB", sizes)
    assert total <= 35 * 1024, sizes
    total, sizes = transferred(client, "/chefsguider/")
    print(f"catalogue {total / 1024:.1f} KB", sizes)
    assert total <= 45 * 1024, sizes
    assert not re.search(r"@font-face|\.woff2?", (Path(finders.find("css/site.css"))).read_text())


def test_static_files_get_hashed_names_and_a_year_of_caching(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
    # Only the public site's files: the admin's thousand files add nothing to what is tested here.
    call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=["admin", "wagtail*"])
    html = Client().get("/chefsguider/").content.decode()
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html).group(1)
    script = re.search(r'src="(/static/js/site\.[0-9a-f]{12}\.js)"', html).group(1)
    for url in (stylesheet, script):
        response = Client().get(url, headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200
        assert "immutable" in response["Cache-Control"] and "max-age=315360000" in response["Cache-Control"]
        assert response["Content-Encoding"] == "gzip"
