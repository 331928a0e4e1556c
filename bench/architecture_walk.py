"""The walk of a catalogue search and of a guide import: which of the project's Python files and apps
run, in first-call order (docs/architecture.md). Counts what a newcomer reads to follow one request.

Runs on a scratch data folder (SQLite, tantivy) with the starter register and terms loaded, traces
the `import_guides` of the starter guides into the empty catalogue, then one catalogue search through
Django's test client (after one warm-up search, so first-request imports are not counted). Only the
project's own modules count; Django, Wagtail and other libraries do not.

    python bench/architecture_walk.py              # from the repository root
"""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
APPS = {path.parent.name for path in ROOT.glob("*/apps.py")} | {"chefsguider", "api", "frontend"}


def traced(action):
    """Run action() and return the project files whose functions it called, in first-call order."""
    seen: dict[str, None] = {}

    def profile(frame, event, arg):
        if event == "call":
            filename = frame.f_code.co_filename
            if filename.startswith(str(ROOT)) and "/.venv/" not in filename and filename not in seen:
                relative = Path(filename).relative_to(ROOT)
                if relative.parts[0] in APPS and "migrations" not in relative.parts:
                    seen[filename] = None

    sys.setprofile(profile)
    try:
        action()
    finally:
        sys.setprofile(None)
    return [Path(name).relative_to(ROOT).as_posix() for name in seen]


def report(title, files):
    apps = list(dict.fromkeys(path.split("/")[0] for path in files))
    print(f"\n{title}: {len(files)} Python files in {len(apps)} apps ({', '.join(apps)})")
    for path in files:
        print(f"    {path}")


def main():
    data = tempfile.mkdtemp(prefix="walk-")
    os.environ.update({"CHEFSGUIDER_DATA_DIR": data, "DJANGO_SETTINGS_MODULE": "chefsguider.settings.base",
                       "PAGE_CACHE_SECONDS": "0", "DEBUG": "1"})
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("import_facts", str(ROOT / "content" / "facts"), verbosity=0)
    call_command("import_terms", str(ROOT / "content" / "terms.yml"), verbosity=0)

    def import_guides():
        call_command("import_guides", str(ROOT / "content" / "guides"), verbosity=0, stdout=open(os.devnull, "w"))

    imported = traced(import_guides)
    from django.test import Client

    client = Client()
    client.get("/chefsguider/?q=uppsägning")  # warm: first-request imports are not the walk

    def search():
        response = client.get("/chefsguider/?q=lönesamtal&omrade=lon")
        assert response.status_code == 200, response.status_code

    report("Catalogue search (GET /chefsguider/?q=lönesamtal&omrade=lon)", traced(search))
    report("Import (manage.py import_guides content/guides into an empty catalogue)", imported)


if __name__ == "__main__":
    main()
