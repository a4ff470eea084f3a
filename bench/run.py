"""`make bench`: serve Drivephase as in production (DEBUG off, hashed and compressed static
files, gunicorn with 2 workers) on SQLite and on PostgreSQL, at two data sizes, load every
page of bench/pages.py with wrk over loopback, and write bench/results/<date>.json and the
tables in docs/performance.md. See docs/performance.md for what is measured and how."""

import argparse
import datetime
import gzip
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from http.cookies import CookieError, SimpleCookie
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import psycopg
import redis
from psycopg import sql

from bench import cpu, report
from bench.pages import ANONYMOUS, PAGES, REFERENCE, Page

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "bench" / "results"
DOC = ROOT / "docs" / "performance.md"
WRK_SCRIPT = ROOT / "bench" / "report.lua"

# S and 10 x S athletes (seed_demo adds one coach per 25 athletes).
SIZES = {"S": 50, "10xS": 500}
DATABASES = ["sqlite", "postgresql"]
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/drivephase_bench"
)
# Production runs several app servers behind one Redis (docs/deploy.md): the bench serves
# with it too, so sessions and cached fragments come from Redis as they would there. An
# empty BENCH_REDIS_URL serves with per-process memory caches and database sessions.
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
WORKERS = 2
HOST = "127.0.0.1"
# A page measured while other work took more than this share of the CPUs is measured
# again, after waiting for the machine to quieten, as long as the rest still fits in
# TIME_LIMIT (the bench itself; `make bench` adds installing .venv and wrk, under 15 min).
OTHER_WORK_LIMIT = 10.0
TIME_LIMIT = 18 * 60
RUN_SECONDS = 20  # per database and size, besides wrk: migrate, seed, count, start, check
PROFILE_SECONDS = 20

# Inherited settings would make the run depend on the shell it started from.
_SETTINGS_VARIABLES = re.compile(r"^(DJANGO_|DATABASE_URL$|REDIS_URL$|EMAIL_URL$)")


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def _run(cmd: list[str], *, env: dict, timeout: float) -> str:
    result = subprocess.run(  # noqa: S603 (our own fixed commands, no shell)
        cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        raise SystemExit(
            f"bench: {' '.join(cmd[:4])} failed ({result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return result.stdout


# Environment ----------------------------------------------------------------------------


def server_env(*, database_url: str, secret_key: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not _SETTINGS_VARIABLES.match(k)}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secret_key,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        # Plain HTTP on loopback: no redirect to HTTPS (cookies stay marked Secure).
        DJANGO_SECURE_SSL_REDIRECT="0",
        DATABASE_URL=database_url,
        DJANGO_LOG_LEVEL="WARNING",
    )
    if REDIS_URL:
        env["REDIS_URL"] = REDIS_URL
    return env


def cold_server_env(env: dict) -> dict:
    """The server's environment with every cached read missing (bench/cold.py); without
    Redis, with nothing cached at all."""
    if REDIS_URL:
        return {**env, "DJANGO_SETTINGS_MODULE": "bench.cold_settings"}
    return {**env, "DJANGO_CACHE_READS": "0"}


def _admin_url(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path="/postgres"))


def database_recreate(database: str, *, workdir: Path, label: str) -> str:
    """An empty database for one run; returns its DATABASE_URL."""
    if database == "sqlite":
        path = workdir / f"bench-{label}.sqlite3"
        for leftover in workdir.glob(f"{path.name}*"):
            leftover.unlink()
        return f"sqlite:///{path}"
    name = urlsplit(POSTGRES_URL).path.lstrip("/")
    postgres_wait()
    with psycopg.connect(_admin_url(POSTGRES_URL), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return POSTGRES_URL


def postgres_wait(seconds: float = 60) -> None:
    """PostgreSQL may be restarting; give it a minute before giving up with a clear word."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with psycopg.connect(_admin_url(POSTGRES_URL), connect_timeout=5):
                return
        except psycopg.OperationalError as error:
            if time.monotonic() > deadline:
                raise SystemExit(
                    f"bench: PostgreSQL at {_admin_url(POSTGRES_URL)} does not answer ({error}). "
                    "Start it, set BENCH_POSTGRES_URL, or run with "
                    'BENCH_ARGS="--databases sqlite".'
                ) from None
            time.sleep(2)


def database_drop(database: str) -> None:
    if database == "postgresql":
        name = urlsplit(POSTGRES_URL).path.lstrip("/")
        with psycopg.connect(_admin_url(POSTGRES_URL), autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def manage(env: dict, *args: str, timeout: float = 600) -> str:
    return _run([sys.executable, "manage.py", *args], env=env, timeout=timeout)


def inprocess(env: dict, *args: str) -> dict:
    return json.loads(_run([sys.executable, "-m", "bench.inprocess", *args], env=env, timeout=300))


# HTTP -----------------------------------------------------------------------------------


class Response:
    def __init__(self, raw: http.client.HTTPResponse):
        self.status = raw.status
        self.headers = raw.msg
        self.body = raw.read()


def fetch(port: int, path: str, *, method: str = "GET", headers=None, body=None) -> Response:
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        return Response(conn.getresponse())
    finally:
        conn.close()


def _keep_cookies(jar: dict, response: Response) -> None:
    # The cookies are marked Secure (production settings) and this is plain HTTP: a
    # browser would drop them, so they are read from Set-Cookie by hand.
    for header in response.headers.get_all("Set-Cookie") or []:
        cookie = SimpleCookie()
        try:
            cookie.load(header)
        except CookieError:
            continue
        for name, morsel in cookie.items():
            jar[name] = morsel.value


def _cookie_header(jar: dict) -> dict:
    return {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())} if jar else {}


def _csrf_token(html: bytes) -> str:
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if not match:
        raise SystemExit("bench: no csrfmiddlewaretoken in the page's form")
    return match.group(1).decode()


def visitor(port: int) -> dict:
    """An anonymous visitor who has been here before: the csrftoken cookie and no session."""
    jar: dict = {}
    _keep_cookies(jar, fetch(port, "/accounts/login/"))
    return jar


def sign_in(port: int, *, email: str, password: str) -> dict:
    jar = visitor(port)
    page = fetch(port, "/accounts/login/", headers=_cookie_header(jar))
    form = {"username": email, "password": password, "csrfmiddlewaretoken": _csrf_token(page.body)}
    response = fetch(
        port,
        "/accounts/login/",
        method="POST",
        body=urlencode(form),
        headers={"Content-Type": "application/x-www-form-urlencoded", **_cookie_header(jar)},
    )
    _keep_cookies(jar, response)
    if response.status != 302 or "sessionid" not in jar:
        raise SystemExit(f"bench: signing in as {email} failed ({response.status})")
    return jar


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.css.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.js.append(a["src"])


def first_load(port: int, html: bytes, cache: dict) -> dict:
    """HTML as served plus every stylesheet and script it references, as whitenoise
    serves them to a browser that accepts brotli and gzip."""
    parser = _Assets()
    parser.feed(html.decode("utf-8", "replace"))
    weight = {"html": len(html), "css": 0, "js": 0, "assets": []}
    for kind, urls in (("css", parser.css), ("js", parser.js)):
        for url in urls:
            if url not in cache:
                response = fetch(port, url, headers={"Accept-Encoding": "br, gzip"})
                if response.status != 200:
                    raise SystemExit(f"bench: {url} answered {response.status}")
                cache[url] = {
                    "url": url,
                    "bytes": len(response.body),
                    "encoding": response.headers.get("Content-Encoding", "identity"),
                }
            weight[kind] += cache[url]["bytes"]
            weight["assets"].append(cache[url])
    weight["total"] = weight["html"] + weight["css"] + weight["js"]
    # Django does not compress HTML; what it would weigh behind a compressing proxy.
    weight["html_gzip"] = len(gzip.compress(html))
    return weight


# Server and load ------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Gunicorn:
    def __init__(self, env: dict, log_path: Path):
        self.env, self.log_path, self.port, self.proc = env, log_path, _free_port(), None

    def __enter__(self):
        self.log_file = self.log_path.open("w")
        cmd = [
            sys.executable,
            "-m",
            "gunicorn",
            "coaching.wsgi:application",
            f"--bind={HOST}:{self.port}",
            f"--workers={WORKERS}",
            "--timeout=30",
            "--log-level=warning",
        ]
        self.proc = subprocess.Popen(  # noqa: S603 (fixed command)
            cmd, cwd=ROOT, env=self.env, stdout=self.log_file, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                if fetch(self.port, "/healthz/").status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self.__exit__()
        raise SystemExit(f"bench: gunicorn did not start:\n{self.log_path.read_text()[-3000:]}")

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log_file.close()


def wrk(port: int, page: Page, url: str, headers: dict, body: str, *, seconds: int, conns: int):
    cmd = [shutil.which("wrk") or "wrk", "-t1", f"-c{conns}", f"-d{seconds}s", "--timeout=10s"]
    cmd += ["-s", str(WRK_SCRIPT)]
    for name, value in headers.items():
        cmd += ["-H", f"{name}: {value}"]
    cmd.append(f"http://{HOST}:{port}{url}")
    env = dict(os.environ, BENCH_METHOD=page.method, BENCH_BODY=body, BENCH_STATUS=str(page.status))
    out = _run(cmd, env=env, timeout=seconds + 60)
    line = next(line for line in out.splitlines() if line.startswith("BENCH_JSON "))
    result = json.loads(line.removeprefix("BENCH_JSON "))
    seconds_measured = result["duration_us"] / 1e6
    return {
        "rps": round(result["requests"] / seconds_measured, 1),
        "p50_ms": round(result["latency_us"]["p50"] / 1000, 2),
        "p90_ms": round(result["latency_us"]["p90"] / 1000, 2),
        "p99_ms": round(result["latency_us"]["p99"] / 1000, 2),
        "max_ms": round(result["latency_us"]["max"] / 1000, 2),
        "requests": result["requests"],
        "errors": sum(result["errors"].values()) + result["unexpected_status"],
    }


class Clock:
    """The time to spare for waiting out other work and measuring again: what is left of
    TIME_LIMIT once the measurements, runs and profiles still to come are counted."""

    def __init__(self, *, measurements: int, runs: int, profiles: int, each: float):
        self.started = time.monotonic()
        self.measurements, self.runs, self.profiles, self.each = measurements, runs, profiles, each
        self.waited, self.repeated = 0.0, 0

    def spare(self) -> float:
        needed = (
            self.measurements * self.each
            + self.runs * RUN_SECONDS
            + self.profiles * PROFILE_SECONDS
        )
        return TIME_LIMIT - (time.monotonic() - self.started) - needed

    def wait_for_quiet(self, serving: str) -> None:
        told = False
        while self.spare() > 5:
            before = cpu.snapshot()
            time.sleep(2)
            busy = cpu.other_work(before, cpu.snapshot(), database=serving)
            self.waited += 2
            if busy["percent"] <= OTHER_WORK_LIMIT:
                return
            if not told:
                log(
                    f"waiting for other work to finish ({', '.join(busy['top'])}), "
                    f"up to {self.spare():.0f} s"
                )
                told = True


def measure(
    server: Gunicorn,
    page: Page,
    request: tuple[str, dict, str],
    *,
    args,
    clock: Clock,
    serving: str,
) -> dict:
    """Warm up, then measure; when other work took a large share of the CPUs, wait for
    it to finish and measure again, while the clock has time to spare. `serving` names
    the PostgreSQL database whose backends work for the bench ("" for SQLite)."""
    url, headers, body = request
    port = server.port
    best = None
    for attempt in range(1, 4):
        before = cpu.snapshot()
        wrk(port, page, url, headers, body, seconds=args.warmup, conns=args.conns)
        if cpu.other_work(before, cpu.snapshot(), database=serving)["percent"] > OTHER_WORK_LIMIT:
            clock.wait_for_quiet(serving)
        before = cpu.snapshot()
        measured = wrk(port, page, url, headers, body, seconds=args.duration, conns=args.conns)
        after = cpu.snapshot()
        measured["other_work"] = cpu.other_work(before, after, database=serving)
        server_ms = cpu.server_ms(before, after, root=server.proc.pid, database=serving)
        measured["server_cpu_ms"] = round(server_ms / max(measured["requests"], 1), 3)
        measured["attempts"] = attempt
        if best is None or measured["other_work"]["percent"] < best["other_work"]["percent"]:
            best = measured
        if measured["other_work"]["percent"] <= OTHER_WORK_LIMIT or clock.spare() < clock.each:
            break
        clock.repeated += 1
        log(
            f"measuring {page.name} again: other work took "
            f"{measured['other_work']['percent']:.0f} % of the CPUs "
            f"({', '.join(measured['other_work']['top'])})"
        )
        clock.wait_for_quiet(serving)
    clock.measurements -= 1
    return best


# One run: one database at one size ------------------------------------------------------


def run_one(
    database: str, size: str, *, args, clock: Clock, workdir: Path, secret_key: str
) -> dict:
    started = time.monotonic()
    password = secrets.token_urlsafe(16)
    env = server_env(
        database_url=database_recreate(database, workdir=workdir, label=size),
        secret_key=secret_key,
    )
    manage(env, "migrate", "--no-input")
    if REDIS_URL:
        # Sessions and fragments cached by the previous run belong to another database.
        manage(env, "shell", "-c", "from django.core.cache import cache; cache.clear()")
    manage(
        env,
        "seed_demo",
        f"--athletes={SIZES[size]}",
        "--fresh",
        "--allow-production",
        f"--password={password}",
    )
    log(f"{database} {size}: migrated and seeded {SIZES[size]} athletes; counting queries")
    counted = inprocess(env, "queries")

    serving = urlsplit(POSTGRES_URL).path.lstrip("/") if database == "postgresql" else ""
    pages = {}
    with Gunicorn(env, workdir / f"gunicorn-{database}-{size}.log") as server:
        jars = {ANONYMOUS: visitor(server.port)}
        for role, email in counted["logins"].items():
            jars[role] = sign_in(server.port, email=email, password=password)
        asset_cache: dict = {}
        requests = {}
        for page in args.pages:
            url = counted["pages"][page.name]["url"]
            jar = dict(jars[page.user])
            headers = {**_cookie_header(jar), **page.headers}
            body = ""
            if page.method == "POST":
                counted_page = counted["pages"][page.name]
                form_page = fetch(
                    server.port, counted_page["csrf_from"], headers=_cookie_header(jar)
                )
                form = {**counted_page["form"], "csrfmiddlewaretoken": _csrf_token(form_page.body)}
                body = urlencode(form)
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            response = fetch(
                server.port, url, method=page.method, headers=headers, body=body or None
            )
            if response.status != page.status:
                raise SystemExit(
                    f"bench: {page.name} ({url}) answered {response.status}, not {page.status}"
                )
            is_html = "text/html" in response.headers.get("Content-Type", "")
            if page.fragment and b"<html" in response.body:
                raise SystemExit(f"bench: {page.name} should be a fragment but is a whole page")
            pages[page.name] = {
                "url": url,
                "user": page.user,
                "method": page.method,
                "queries": counted["pages"][page.name]["queries"],
                "html_bytes": len(response.body),
                "first_load": first_load(server.port, response.body, asset_cache)
                if is_html and not page.fragment and page.method == "GET"
                else None,
            }
            requests[page.name] = (url, headers, body)

        # The reference first, in the middle and last; pages are compared with the median,
        # so one unlucky reference measurement (a busy host) does not skew every ratio.
        others = [p.name for p in args.pages if p.name != REFERENCE]
        half = len(others) // 2
        order = [REFERENCE, *others[:half], REFERENCE, *others[half:], REFERENCE]
        by_name = {p.name: p for p in args.pages}
        references = []
        for name in order:
            measured = measure(
                server, by_name[name], requests[name], args=args, clock=clock, serving=serving
            )
            if name == REFERENCE:
                references.append(measured)
            else:
                pages[name].update(measured)
            busy = measured["other_work"]
            log(
                f"{database} {size}: {name:<24} {measured['rps']:>7.1f} req/s  "
                f"p50 {measured['p50_ms']:.1f} ms  p99 {measured['p99_ms']:.1f} ms  "
                f"server CPU {measured['server_cpu_ms']:.2f} ms/req"
                + (f"  {measured['errors']} errors" if measured["errors"] else "")
                + (f"  (other work {busy['percent']:.0f} %)" if busy["percent"] > 2 else "")
            )

    # The median of three: the middle measurement, with its own latencies.
    median = sorted(references, key=lambda m: m["rps"])[len(references) // 2]
    pages[REFERENCE].update(median, reference_runs_rps=[m["rps"] for m in references])
    for page in pages.values():
        page["vs_reference"] = round(page["rps"] / median["rps"], 3)

    # The same pages cold: every cached read recomputed, as right after a change.
    cold_env = cold_server_env(env)
    counted_cold = inprocess(cold_env, "queries")
    for name, page in pages.items():
        page["cold"] = {"queries": counted_cold["pages"][name]["queries"]}
    if size == max(SIZES, key=SIZES.get):
        with Gunicorn(cold_env, workdir / f"gunicorn-{database}-{size}-cold.log") as server:
            for page in args.pages:
                if page.name == REFERENCE:
                    continue
                measured = measure(
                    server, page, requests[page.name], args=args, clock=clock, serving=serving
                )
                measured["vs_reference"] = round(measured["rps"] / median["rps"], 3)
                pages[page.name]["cold"].update(measured)
                log(
                    f"{database} {size} cold: {page.name:<24} {measured['rps']:>7.1f} req/s  "
                    f"server CPU {measured['server_cpu_ms']:.2f} ms/req"
                )

    profile = None
    if size == max(SIZES, key=SIZES.get) and args.profile_requests:
        worst = min((n for n in pages if n != REFERENCE), key=lambda n: pages[n]["vs_reference"])
        log(f"{database} {size}: profiling {worst!r} in-process over {args.profile_requests}")
        profile = inprocess(env, "profile", worst, f"--requests={args.profile_requests}")
        clock.profiles -= 1
    clock.runs -= 1
    database_drop(database)
    return {
        "athletes": SIZES[size],
        "seconds": round(time.monotonic() - started, 1),
        "pages": pages,
        "profile": profile,
    }


# Machine --------------------------------------------------------------------------------


def _first(path: str, key: str) -> str:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return line.split(":", 1)[1].strip() if ":" in line else line.split("=", 1)[1]
    except OSError:
        pass
    return "unknown"


def machine(databases: list[str]) -> dict:
    mem_kb = _first("/proc/meminfo", "MemTotal").split()[0]
    info = {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu_model": _first("/proc/cpuinfo", "model name"),
        "memory_gb": round(int(mem_kb) / 1024 / 1024, 1) if mem_kb.isdigit() else None,
        "os": _first("/etc/os-release", "PRETTY_NAME=").strip('"'),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "django": version("django"),
        "gunicorn": version("gunicorn"),
        "whitenoise": version("whitenoise"),
        "psycopg": version("psycopg"),
        "sqlite": sqlite3.sqlite_version,
        "wrk": _wrk_version(),
    }
    if REDIS_URL:
        try:
            info["redis"] = redis.Redis.from_url(REDIS_URL).info()["redis_version"]
        except redis.RedisError as error:
            raise SystemExit(
                f"bench: no Redis at {REDIS_URL} ({error}); start it, or set BENCH_REDIS_URL= "
                "(empty) to serve without it"
            ) from error
    if "postgresql" in databases:
        postgres_wait()
        with psycopg.connect(_admin_url(POSTGRES_URL)) as conn:
            info["postgresql"] = conn.execute("SHOW server_version").fetchone()[0]
    return info


def _wrk_version() -> str:
    # wrk -v prints its version and exits with status 1.
    result = subprocess.run(  # noqa: S603 (fixed command)
        [shutil.which("wrk") or "wrk", "-v"], capture_output=True, text=True, check=False
    )
    return (result.stdout or result.stderr).splitlines()[0].split(" Copyright")[0]


def _git() -> dict:
    def git(*args):
        return subprocess.run(  # noqa: S603 (fixed command)
            ["git", *args],  # noqa: S607 (git from the PATH)
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.rstrip()

    changed = [line[3:] for line in git("status", "--porcelain").splitlines()]
    return {"commit": git("rev-parse", "HEAD"), "dirty": bool(changed), "changed": changed[:40]}


# Main -----------------------------------------------------------------------------------


def parse_args(argv: list[str]):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--databases", default=",".join(DATABASES), help="sqlite,postgresql")
    parser.add_argument("--pages", default="", help="only these page names, comma-separated")
    parser.add_argument("--duration", type=int, default=4, help="seconds measured per page")
    parser.add_argument("--warmup", type=int, default=1, help="seconds of warm-up per page")
    parser.add_argument("--conns", type=int, default=2, help="wrk connections")
    parser.add_argument("--profile-requests", type=int, default=200)
    parser.add_argument(
        "--no-write", action="store_true", help="print only; no results file or docs"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    args.databases = [d for d in args.databases.split(",") if d]
    unknown = set(args.databases) - set(DATABASES)
    if unknown:
        parser.error(f"unknown database {', '.join(unknown)}; choose from {DATABASES}")
    wanted = {n.strip() for n in args.pages.split(",") if n.strip()}
    args.pages = [p for p in PAGES if not wanted or p.name in wanted or p.name == REFERENCE]
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("bench: wrk is missing; `make bench` installs it (apt-get install wrk)")
    started = time.monotonic()
    secret_key = secrets.token_urlsafe(50)
    runs = len(args.databases) * len(SIZES)
    clock = Clock(
        # Warm: every page and the reference three times, per run; cold: every page once
        # more at the large size.
        measurements=runs * (len(args.pages) + 2) + len(args.databases) * (len(args.pages) - 1),
        runs=runs,
        profiles=len(args.databases) if args.profile_requests else 0,
        each=args.warmup + args.duration + 0.5,
    )
    quiet = cpu.snapshot()
    time.sleep(1)
    busy = cpu.other_work(quiet, cpu.snapshot())
    if busy["percent"] > OTHER_WORK_LIMIT:
        log(
            f"warning: other work takes {busy['percent']:.0f} % of the CPUs "
            f"({', '.join(busy['top'])}); pages measured beside it will be measured again "
            f"while time allows ({clock.spare():.0f} s to spare)"
        )
    log("collectstatic (hashed, gzip-compressed files for whitenoise)")
    collect_env = server_env(database_url="sqlite://:memory:", secret_key=secret_key)
    manage(collect_env, "collectstatic", "--no-input", timeout=300)

    results = {
        "date": datetime.date.today().isoformat(),
        "started_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "git": _git(),
        "machine": machine(args.databases),
        "load": {
            "tool": "wrk",
            "threads": 1,
            "connections": args.conns,
            "warmup_seconds": args.warmup,
            "seconds": args.duration,
            "gunicorn_workers": WORKERS,
            "cache": "redis" if REDIS_URL else "locmem",
            "reference": REFERENCE,
            "other_work_limit_percent": OTHER_WORK_LIMIT,
        },
        "sizes": {label: {"athletes": n} for label, n in SIZES.items()},
        "runs": {},
    }
    with tempfile.TemporaryDirectory(prefix="drivephase-bench-") as tmp:
        for database in args.databases:
            results["runs"][database] = {}
            for size in SIZES:
                results["runs"][database][size] = run_one(
                    database,
                    size,
                    args=args,
                    clock=clock,
                    workdir=Path(tmp),
                    secret_key=secret_key,
                )
    results["seconds"] = round(time.monotonic() - started, 1)
    results["load"]["remeasured"] = clock.repeated
    results["load"]["waited_for_quiet_seconds"] = clock.waited
    results["acceptance"] = report.acceptance(results)
    path = RESULTS_DIR / f"{results['date']}.json"
    results["results_path"] = str(path.relative_to(ROOT))

    print(report.markdown(results), flush=True)
    if not args.no_write:
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        tmp_path = path.with_suffix(".json.tmp")
        tmp_path.write_text(json.dumps(results, indent=1) + "\n")
        tmp_path.replace(path)
        report.write_doc(DOC, results)
        log(f"wrote {path.relative_to(ROOT)} and {DOC.relative_to(ROOT)}")
    log(f"done in {results['seconds']:.0f} s")
    misses = results["acceptance"]["misses"]
    return 1 if (args.strict and misses) else 0
