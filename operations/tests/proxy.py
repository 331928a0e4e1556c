"""The documented proxy (deploy/nginx/chefsguider.conf.template) as tests run it: a real nginx in
front of a real app server, with its cache and search log in a folder of the test's own."""

from __future__ import annotations

import getpass
import re
import shutil
from pathlib import Path

from django.conf import settings

from operations.tests.servers import Listening

TEMPLATE = Path(settings.BASE_DIR) / "deploy" / "nginx" / "chefsguider.conf.template"


def render(values: dict) -> str:
    """The template with its ${NAME}s filled in, as the nginx image does from the environment."""
    return re.sub(r"\$\{(CHEFSGUIDER_[A-Z_]+)\}", lambda match: values[match.group(1)], TEMPLATE.read_text())


class Proxy(Listening):
    name = "nginx"
    start_seconds = 20
    stop_seconds = 10

    def __init__(self, folder: Path, upstream_port: int, port: int):
        self.port = port
        self.cache_dir, self.search_log = folder / "cache", folder / "searches.log"
        self.cache_dir.mkdir(parents=True)
        site = folder / "chefsguider.conf"
        site.write_text(render({
            "CHEFSGUIDER_PROXY_CACHE_DIR": str(self.cache_dir),
            "CHEFSGUIDER_PROXY_UPSTREAM": f"127.0.0.1:{upstream_port}",
            "CHEFSGUIDER_PROXY_LISTEN": f"127.0.0.1:{port}",
            "CHEFSGUIDER_SEARCH_LOG": str(self.search_log),
            "CHEFSGUIDER_PROXY_COOKIE_FLAGS": "",  # plain http in the test; production adds "; Secure"
        }))
        main = folder / "nginx.conf"
        main.write_text(
            # Workers as this user, as the app that purges the cache (docker-compose.yml: one uid).
            f"daemon off; user {getpass.getuser()}; worker_processes 1; pid {folder}/nginx.pid;\n"
            f"error_log {folder}/error.log;\n"
            "events { worker_connections 256; }\n"
            f"http {{ access_log off; client_body_temp_path {folder}/body; proxy_temp_path {folder}/proxy;\n"
            f"  fastcgi_temp_path {folder}/fastcgi; uwsgi_temp_path {folder}/uwsgi; scgi_temp_path {folder}/scgi;\n"
            f"  default_type text/html; include {site}; }}\n"
        )
        self.folder = folder
        self.start([shutil.which("nginx"), "-c", str(main), "-p", str(folder)])

    def why(self) -> str:
        return ": " + (self.folder / "error.log").read_text()

    def get(self, path, cookies: dict | None = None):
        headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items())} if cookies else {}
        return self.request("GET", path, headers=headers)
