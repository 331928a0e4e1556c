"""Issue #19's table in one sitting: stock Wagtail (bakerydemo's blog page), our guide uncached,
our guide and a search page cached through the documented proxy (deploy/nginx), and nginx serving
the same guide HTML as a static file. Run through bench/speed/run.sh, which sets everything up.

Each row: wrk's requests per second, p50 and p99 latency and errors, and the server's CPU time per
request (user + system time of the server's processes, read from /proc, over the run's requests).
Ratios are taken within the one run, so a machine shared with other work changes all rows alike.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TICKS = os.sysconf("SC_CLK_TCK")
sys.path.insert(0, str(ROOT))


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU of these processes and all their descendants that are alive or were reaped."""
    total = 0.0
    for pid in all_descendants(pids):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        # utime, stime, cutime, cstime (fields 14-17 of stat; after the name, index 11-14)
        total += sum(int(value) for value in fields[11:15]) / TICKS
    return total


def all_descendants(pids: list[int]) -> list[int]:
    found, queue = [], list(pids)
    while queue:
        pid = queue.pop()
        found.append(pid)
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except FileNotFoundError:
            continue
        queue.extend(int(child) for child in children)
    return found


def wait_for(url: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                response.read()
                return
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def wrk(url: str, duration: str, connections: int, threads: int, server_pids: list[int]) -> dict:
    before = cpu_seconds(server_pids)
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}", "--latency", url],
        capture_output=True, text=True, check=True,
    ).stdout
    used = cpu_seconds(server_pids) - before
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors += int(non_2xx.group(1)) if non_2xx else 0
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        # The distribution's own lines: a "+/- Stdev" column such as "90.50%" must not match.
        "p50": latency(re.search(r"^\s*50%\s+(\S+)", output, re.M).group(1)),
        "p99": latency(re.search(r"^\s*99%\s+(\S+)", output, re.M).group(1)),
        "errors": errors,
        "requests": requests,
        "cpu_ms": 1000 * used / max(requests, 1),
    }


def latency(text: str) -> float:
    """wrk's latency ("812.00us", "3.21ms", "1.02s") in milliseconds."""
    number, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


class Process:
    def __init__(self, command, env=None, cwd=None, log=None):
        self.process = subprocess.Popen(command, env=env, cwd=cwd, stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True)

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self):
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def gunicorn(python: str, port: int, env: dict, cwd: Path, log: Path, workers: int) -> Process:
    command = [python, "-m", "gunicorn", env.pop("WSGI", "chefsguider.wsgi"), "--bind", f"127.0.0.1:{port}",
               "--workers", str(workers), "--worker-class", "sync", "--log-level", "warning", "--timeout", "60"]
    server = Process(command, env={**os.environ, **env}, cwd=cwd, log=log.open("w"))
    try:
        wait_for(f"http://127.0.0.1:{port}/")
    except Exception:
        server.stop()
        raise
    return server


def nginx(folder: Path, http_block: str, log: Path) -> Process:
    folder.mkdir(parents=True, exist_ok=True)
    conf = folder / "nginx.conf"
    conf.write_text(
        f"daemon off; worker_processes 1; pid {folder}/nginx.pid; error_log {folder}/error.log;\n"
        "events { worker_connections 4096; }\n"
        f"http {{ access_log off; client_body_temp_path {folder}/body; proxy_temp_path {folder}/proxy;\n"
        f"  fastcgi_temp_path {folder}/fastcgi; uwsgi_temp_path {folder}/uwsgi; scgi_temp_path {folder}/scgi;\n"
        f"  keepalive_requests 100000; default_type text/html;\n{http_block}\n}}\n"
    )
    return Process([shutil.which("nginx"), "-c", str(conf), "-p", str(folder)], log=log.open("w"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bakerydemo", required=True, help="checkout of wagtail/bakerydemo, set up")
    parser.add_argument("--bakerydemo-python", required=True)
    parser.add_argument("--data", required=True, help="Chefsguider's data folder (SQLite, index)")
    parser.add_argument("--results", required=True)
    parser.add_argument("--duration", default="20s")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--guide", default="/chefsguider/lonesamtal-med-medarbetare/")
    parser.add_argument("--search", default="/chefsguider/?q=l%C3%B6nesamtal")
    parser.add_argument("--blog", default="/blog/wild-yeast/")
    args = parser.parse_args()
    results = Path(args.results)
    results.mkdir(parents=True, exist_ok=True)
    run = lambda url, pids: wrk(url, args.duration, args.connections, args.threads, pids)  # noqa: E731
    rows: dict[str, dict] = {}
    loads = [os.getloadavg()]
    ours = {"CHEFSGUIDER_DATA_DIR": args.data, "DJANGO_SETTINGS_MODULE": "chefsguider.settings.base",
            "SEARCH_RATE": "100000000/m"}

    # 1. Stock Wagtail: bakerydemo's blog page, DEBUG off, SQLite, its own venv.
    stock = {"DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production", "DJANGO_SECRET_KEY": "bench-" + "x" * 40,
             "SECURE_SSL_REDIRECT": "false", "WSGI": "bakerydemo.wsgi", "PYTHONPATH": ""}
    bakery = gunicorn(args.bakerydemo_python, 18721, stock, Path(args.bakerydemo), results / "bakerydemo.log",
                      args.workers)
    try:
        wait_for(f"http://127.0.0.1:18721{args.blog}")
        run(f"http://127.0.0.1:18721{args.blog}", [bakery.pid])  # warm-up
        rows["bakerydemo blog page"] = run(f"http://127.0.0.1:18721{args.blog}", [bakery.pid])
    finally:
        bakery.stop()

    # 2. Our guide without the page cache (kept fragments warm after the first render).
    python = sys.executable
    uncached = gunicorn(python, 18722, {**ours, "PAGE_CACHE_SECONDS": "0"}, ROOT, results / "uncached.log",
                        args.workers)
    try:
        run(f"http://127.0.0.1:18722{args.guide}", [uncached.pid])
        rows["guide, uncached"] = run(f"http://127.0.0.1:18722{args.guide}", [uncached.pid])
    finally:
        uncached.stop()

    # 3. The documented deployment: the app with its page cache behind nginx's proxy cache.
    from operations.tests.proxy import render

    proxy_dir = results / "proxy"
    shutil.rmtree(proxy_dir, ignore_errors=True)
    (proxy_dir / "cache").mkdir(parents=True)
    search_log = proxy_dir / "searches.log"
    app = gunicorn(python, 18723, {**ours, "PAGE_CACHE_SECONDS": "600", "PROXY_CACHE_SECONDS": "600",
                                  "PROXY_CACHE_DIR": str(proxy_dir / "cache"), "SEARCH_LOG_BY_PROXY": str(search_log)},
                   ROOT, results / "app.log", args.workers)
    site = render({"CHEFSGUIDER_PROXY_CACHE_DIR": str(proxy_dir / "cache"),
                   "CHEFSGUIDER_PROXY_UPSTREAM": "127.0.0.1:18723", "CHEFSGUIDER_PROXY_LISTEN": "127.0.0.1:18724",
                   "CHEFSGUIDER_SEARCH_LOG": str(search_log), "CHEFSGUIDER_PROXY_COOKIE_FLAGS": ""})
    proxy = nginx(proxy_dir, site, results / "proxy.log")
    static_dir = results / "static"
    try:
        wait_for(f"http://127.0.0.1:18724{args.guide}")
        pids = [app.pid, proxy.pid]
        run(f"http://127.0.0.1:18724{args.guide}", pids)
        rows["guide, cached (proxy)"] = run(f"http://127.0.0.1:18724{args.guide}", pids)
        run(f"http://127.0.0.1:18724{args.search}", pids)
        search_log.write_text("")
        rows["search page, cached (proxy), each search logged"] = run(f"http://127.0.0.1:18724{args.search}", pids)
        logged = len(search_log.read_text().splitlines())
        rows["search page, cached (proxy), each search logged"]["logged"] = logged
        # The same HTML as the proxy serves it, saved for nginx as a static file.
        shutil.rmtree(static_dir, ignore_errors=True)
        target = static_dir / args.guide.strip("/") / "index.html"
        target.parent.mkdir(parents=True)
        with urllib.request.urlopen(f"http://127.0.0.1:18724{args.guide}") as response:
            target.write_bytes(response.read())
    finally:
        proxy.stop()
        app.stop()

    # 4. nginx serving the saved HTML.
    static = nginx(results / "nginx-static",
                   f"server {{ listen 127.0.0.1:18725; root {static_dir}; "
                   "location / { try_files $uri/index.html =404; } }",
                   results / "nginx-static.log")
    try:
        wait_for(f"http://127.0.0.1:18725{args.guide}")
        run(f"http://127.0.0.1:18725{args.guide}", [static.pid])
        rows["nginx static, same HTML"] = run(f"http://127.0.0.1:18725{args.guide}", [static.pid])
    finally:
        static.stop()
    loads.append(os.getloadavg())

    (results / "results.json").write_text(json.dumps({"rows": rows, "load": loads}, indent=2))
    print(report(rows, loads, args))


def report(rows: dict, loads, args) -> str:
    stock = rows["bakerydemo blog page"]["rps"]
    ceiling = rows["nginx static, same HTML"]["rps"]
    lines = [
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}; gunicorn {args.workers} sync workers; "
        f"nginx 1 worker; load average before {loads[0][0]:.2f} {loads[0][1]:.2f}, "
        f"after {loads[1][0]:.2f} {loads[1][1]:.2f}",
        "",
        "| what | req/s | p50 ms | p99 ms | server CPU ms/request | errors | × bakerydemo | of nginx static |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in rows.items():
        extra = f" ({row['logged']} of {row['requests']} searches logged)" if "logged" in row else ""
        lines.append(
            f"| {name}{extra} | {row['rps']:,.0f} | {row['p50']:.2f} | {row['p99']:.2f} | {row['cpu_ms']:.3f} | "
            f"{row['errors']} | {row['rps'] / stock:.2f} | {row['rps'] / ceiling:.3f} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
