"""The Django side of `make bench`, run by bench/run.py in a subprocess with the server's
environment (same settings, same database, same data):

    python -m bench.inprocess queries           # SQL queries per request of every page
    python -m bench.inprocess profile NAME -n 200   # cProfile of one page in-process
    python -m bench.inprocess timing [NAME ...] -n 50  # ms per request, without a profiler

Each prints one JSON document on stdout."""

import argparse
import cProfile
import gc
import json
import os
import pstats
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coaching.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.pages import PAGES, SIGN_IN, URL_VALUES, Page  # noqa: E402
from coaching.management.commands.seed_demo import seed_email  # noqa: E402

# The server answers to 127.0.0.1 (DJANGO_ALLOWED_HOSTS), not to the test client's default.
HOST = "127.0.0.1"

# Where the time of a request goes: the cumulative time of these (file, function) pairs.
# Categories overlap (a query run while rendering counts in both), so they read as "of
# which", never summed. Partials render inside their page, so rendering takes the
# outermost template rather than the sum.
BREAKDOWN = {
    "SQL (execute and fetch)": (
        sum,
        [
            ("django/db/backends/utils.py", "_execute"),
            ("django/db/backends/utils.py", "_executemany"),
            ("django/db/models/sql/compiler.py", "cursor_iter"),
        ],
    ),
    "template rendering": (max, [("django/template/base.py", "_render")]),
    "ORM building SQL": (max, [("django/db/models/sql/compiler.py", "as_sql")]),
    "model instances": (sum, [("django/db/models/base.py", "from_db")]),
}
WHOLE_REQUEST = ("django/core/handlers/base.py", "get_response")


def _users() -> dict:
    User = get_user_model()
    return {role: User.objects.get(email=seed_email(*who)) for role, who in SIGN_IN.items()}


def _url_values(users: dict) -> dict:
    return {name: compute(users) for name, compute in URL_VALUES.items()}


def _client(page: Page, users: dict) -> Client:
    client = Client(HTTP_HOST=HOST)
    if page.user in users:
        client.force_login(users[page.user])
    return client


def _form(page: Page, values: dict) -> dict:
    return {name: value.format(**values) for name, value in page.form.items()}


def _request(client: Client, page: Page, url: str, values: dict):
    if page.method == "POST":
        return client.post(url, data=_form(page, values), headers=page.headers)
    return client.get(url, headers=page.headers)


def queries() -> dict:
    users = _users()
    values = _url_values(users)
    pages = {}
    for page in PAGES:
        url = page.url.format(**values)
        client = _client(page, users)
        # The first request fills per-process caches (translations, templates, content
        # types); a server answers thousands after it, so the second one is counted.
        _request(client, page, url, values)
        with CaptureQueriesContext(connection) as captured:
            response = _request(client, page, url, values)
        pages[page.name] = {
            "url": url,
            "form": _form(page, values),
            "csrf_from": page.csrf_from.format(**values),
            "status": response.status_code,
            "queries": len(captured),
            "sql": [q["sql"] for q in captured.captured_queries],
        }
    return {
        "logins": {role: users[role].email for role in users},
        "url_values": values,
        "pages": pages,
    }


def _cumulative(stats: pstats.Stats, wanted: list[tuple[str, str]], combine=sum) -> float:
    times = [
        ct
        for (filename, _line, function), (_cc, _nc, _tt, ct, _callers) in stats.stats.items()
        if any(filename.endswith(f) and function == fn for f, fn in wanted)
    ]
    return combine(times) if times else 0.0


def _short(filename: str) -> str:
    for marker in ("site-packages/", "/lib/python3"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    root = str(django.conf.settings.BASE_DIR) + "/"
    return filename.removeprefix(root)


def profile(name: str, requests: int, top: int) -> dict:
    page = next(p for p in PAGES if p.name == name)
    users = _users()
    values = _url_values(users)
    url = page.url.format(**values)
    client = _client(page, users)
    _request(client, page, url, values)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for _ in range(requests):
        _request(client, page, url, values)
    profiler.disable()
    elapsed = time.perf_counter() - started

    stats = pstats.Stats(profiler)
    per_request_ms = elapsed * 1000 / requests
    # The profiler slows every call; shares of the profiled total are what carry over.
    whole = _cumulative(stats, [WHOLE_REQUEST])
    breakdown = {
        label: round(100 * _cumulative(stats, wanted, combine) / whole, 1)
        for label, (combine, wanted) in BREAKDOWN.items()
    }
    rows = []
    for (filename, line, function), (_cc, calls, tottime, cumtime, _c) in stats.stats.items():
        rows.append(
            {
                "function": f"{_short(filename)}:{line}({function})",
                "calls_per_request": round(calls / requests, 1),
                "own_ms_per_request": round(tottime * 1000 / requests, 3),
                "cumulative_ms_per_request": round(cumtime * 1000 / requests, 3),
            }
        )
    by_own = sorted(rows, key=lambda r: r["own_ms_per_request"], reverse=True)[:top]
    # Our own code (not Django, not the bench) by cumulative time: where to look first.
    root = str(django.conf.settings.BASE_DIR) + "/"
    ours = [
        row
        for row, (filename, _line, _function) in zip(rows, stats.stats, strict=True)
        if filename.startswith(root)
        and "site-packages" not in filename
        and not filename.startswith(root + "bench/")
    ]
    by_cumulative = sorted(ours, key=lambda r: r["cumulative_ms_per_request"], reverse=True)
    return {
        "page": name,
        "url": url,
        "requests": requests,
        "ms_per_request_profiled": round(per_request_ms, 2),
        "percent_of_request": breakdown,
        "top_own_time": by_own,
        "top_app_cumulative": by_cumulative[:top],
    }


def timing(names: list[str], requests: int, freeze: bool = True) -> dict:
    """Milliseconds per request in-process: wall time (which includes waiting for the
    database) and this process's CPU time. A quick check while working on a page; the
    bench's wrk figures remain the measure."""
    users = _users()
    values = _url_values(users)
    pages = {}
    for page in PAGES:
        if names and page.name not in names:
            continue
        url = page.url.format(**values)
        client = _client(page, users)
        _request(client, page, url, values)
        if freeze:
            gc.freeze()  # what coaching/wsgi.py does once the app is loaded
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(requests):
            _request(client, page, url, values)
        pages[page.name] = {
            "url": url,
            "wall_ms": round((time.perf_counter() - wall) * 1000 / requests, 2),
            "cpu_ms": round((time.process_time() - cpu) * 1000 / requests, 2),
        }
    return pages


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.inprocess")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("queries")
    prof = commands.add_parser("profile")
    prof.add_argument("page")
    prof.add_argument("-n", "--requests", type=int, default=200)
    prof.add_argument("--top", type=int, default=12)
    timed = commands.add_parser("timing")
    timed.add_argument("pages", nargs="*")
    timed.add_argument("-n", "--requests", type=int, default=50)
    args = parser.parse_args(argv)
    if args.command == "queries":
        json.dump(queries(), sys.stdout, default=str)
    elif args.command == "timing":
        json.dump(timing(args.pages, args.requests), sys.stdout, indent=1)
    else:
        json.dump(profile(args.page, args.requests, args.top), sys.stdout, default=str)


if __name__ == "__main__":
    main(sys.argv[1:])
