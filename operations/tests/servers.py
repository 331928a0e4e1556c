"""Real server processes as tests run them: an app server (gunicorn) and the documented proxy (nginx,
operations.tests.proxy), each on a loopback port of its own, asked over real HTTP."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time

from django.conf import settings
from django.db import connection

SERVER_SECRET_KEY = "the-same-key-for-both-servers-" + "x" * 30


def database_url() -> str:
    """The test database as the servers reach it (pytest-django renamed it for the test run)."""
    database = connection.settings_dict
    if database["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{database['NAME']}"
    user = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
    return f"postgres://{user}@{database['HOST']}:{database['PORT']}/{database['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Listening:
    """A process started for a test, ready once it answers /healthz on its port; stopped by `stop`."""

    name = "the process"
    start_seconds = 60
    stop_seconds = 20

    def start(self, command, **popen_arguments) -> None:
        self.process = subprocess.Popen(command, **popen_arguments)
        deadline = time.monotonic() + self.start_seconds
        while True:
            try:
                self.request("GET", "/healthz")
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"{self.name} did not start{self.why()}") from None
                time.sleep(0.1)

    def why(self) -> str:
        return ""

    def request(self, method, path, body=None, headers=None) -> http.client.HTTPResponse:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request(method, path, body, headers or {})
        response = connection.getresponse()
        response.text = response.read().decode()
        connection.close()
        return response

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=self.stop_seconds)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Server(Listening):
    """One gunicorn process with one worker, on a loopback port of its own."""

    name = "the server"

    def __init__(self, data_dir, **extra_environment):
        self.port = free_port()
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "operations.tests.server_settings",
            "DATABASE_URL": database_url(),
            "CHEFSGUIDER_DATA_DIR": str(data_dir),
            "SECRET_KEY": SERVER_SECRET_KEY,
            **extra_environment,
        }
        environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        command = [sys.executable, "-m", "gunicorn", "chefsguider.wsgi", "--bind", f"127.0.0.1:{self.port}",
                   "--workers", "1", "--threads", "2", "--log-level", "warning"]
        self.start(command, cwd=settings.BASE_DIR, env=environment)

    def get(self, path, headers=None):
        """An anonymous reader: no cookies."""
        return self.request("GET", path, headers=headers)
