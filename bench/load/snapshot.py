"""Save the pages the load scenario asks for as files, for nginx to serve as the static ceiling.

Query strings are ignored by the nginx configuration, so /chefsguider/?omrade=lon gets the catalogue
page's bytes: the same size of answer the application gives, without any work behind it.
Usage: python bench/load/snapshot.py BASE_URL FOLDER
"""

import sys
import urllib.request
from pathlib import Path

base, folder = sys.argv[1].rstrip("/"), Path(sys.argv[2])
paths = ["/chefsguider/", "/api/v1/guides/"]
paths += [line.strip() for line in open(Path(__file__).with_name("guide_paths.txt"), encoding="utf-8") if line.strip()]
for path in paths:
    target = folder / path.strip("/") / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    with urllib.request.urlopen(base + path) as response:
        target.write_bytes(response.read())
print(f"saved {len(paths)} pages to {folder}")
