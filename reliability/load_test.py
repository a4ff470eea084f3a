"""Load and fault test against gunicorn on PostgreSQL, on the loopback interface only.

1. A fresh database (drivephase_reliability), migrated, with the library, the programme
   templates and a seeded world: coaches, each with athletes on an assigned programme.
2. gunicorn with production settings (debug off, hashed static files, connection pool).
3. For a fixed time (60 s), athletes log sets the way the session page does (read the
   page, post the row's form with its CSRF token as htmx would) while coaches load their
   roster and programme pages. Every set the server acknowledged (200) is recorded.
4. Every acknowledged set is looked up in the database, with the value last sent.
5. Faults: PostgreSQL is stopped under the running server. Pages must answer the 503
   page and /healthz/ 503; once PostgreSQL is back the same gunicorn processes must serve
   again, with no restart. PostgreSQL is started again whatever happens.

Run with `make reliability` (or `.venv/bin/python reliability/load_test.py --help`); the
figures go to reliability/results/<date>.json and docs/reliability.md explains them.
"""

import argparse
import http.client
import json
import os
import platform
import random
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "reliability" / "results"
HOST = "127.0.0.1"
PG = "postgres://postgres@127.0.0.1:5432"
DATABASE = "drivephase_reliability"
MAX_REQUESTS_PER_USER = 20_000  # a bound besides the clock, so no loop can run away


def log(message: str) -> None:
    print(f"[reliability] {message}", flush=True)


# Environment and processes ---------------------------------------------------------------


def production_env() -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "EMAIL_URL"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "coaching.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            # Plain HTTP on the loopback: no TLS proxy in front to redirect for.
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": f"{PG}/{DATABASE}",
            "DJANGO_LOG_LEVEL": "WARNING",
        }
    )
    return env


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    # The fixed command lines of this script, the program by its full path: no outside input.
    program = shutil.which(command[0]) or command[0]
    return subprocess.run([program, *command[1:]], **kwargs)  # noqa: S603


def manage(env: dict, *args: str) -> None:
    run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)


def psql(sql: str, database: str = "postgres") -> str:
    result = run(
        ["psql", f"{PG}/{database}", "-v", "ON_ERROR_STOP=1", "-tAc", sql],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def database_recreate() -> None:
    psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    psql(f"CREATE DATABASE {DATABASE}")


def cluster() -> tuple[str, str]:
    versions = sorted(p.name for p in Path("/etc/postgresql").iterdir())
    return versions[-1], "main"


def postgres(action: str) -> None:
    version, name = cluster()
    extra = ["-m", "fast"] if action == "stop" else []
    run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, action, *extra],
        check=True,
        capture_output=True,
    )


def postgres_is_up() -> bool:
    try:
        psql("SELECT 1")
    except subprocess.CalledProcessError:
        return False
    return True


def postgres_ensure_running() -> None:
    if postgres_is_up():
        return
    log("starting PostgreSQL again")
    try:
        postgres("start")
    except subprocess.CalledProcessError as error:
        log(f"could not start PostgreSQL: {error.stderr!r}")
    for _ in range(60):
        if postgres_is_up():
            return
        time.sleep(0.5)
    log("PostgreSQL is still down: start it with pg_ctlcluster ... main start")


def other_clients() -> int:
    query = (
        "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' "
        "AND pid <> pg_backend_pid() AND datname IS DISTINCT FROM '%s'"
    )
    return int(psql(query % DATABASE))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Gunicorn:
    def __init__(self, env: dict, *, workers: int, threads: int, log_path: Path):
        self.env, self.workers, self.threads, self.log_path = env, workers, threads, log_path
        self.port = free_port()
        self.process = None

    def start(self) -> None:
        binary = Path(sys.executable).with_name("gunicorn")
        # No --max-requests: worker ids must stay the same for the "no restart" check.
        command = [
            str(binary), "coaching.wsgi:application", "--bind", f"{HOST}:{self.port}",
            "--workers", str(self.workers), "--threads", str(self.threads), "--timeout", "30",
            "--graceful-timeout", "5", "--error-logfile", str(self.log_path),
        ]  # fmt: skip
        self.process = subprocess.Popen(  # noqa: S603 - our own fixed command line
            command, cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        for _ in range(100):
            try:
                if fetch(self.port, "/healthz/").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"gunicorn did not start:\n{self.log_path.read_text()[-3000:]}")

    def worker_pids(self) -> list[int]:
        out = run(
            ["ps", "-o", "pid=", "--ppid", str(self.process.pid)],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        return sorted(int(pid) for pid in out.split())

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# A small browser: keep-alive, cookies, CSRF ---------------------------------------------


@dataclass
class Response:
    status: int
    headers: dict
    body: str
    seconds: float


def fetch(port: int, path: str) -> Response:
    return Browser(port).request("GET", path)


class FormParser(HTMLParser):
    """The page's forms: action and inputs (name -> value)."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action", ""), "inputs": {}})
        elif tag == "input" and self.forms and attrs.get("name"):
            self.forms[-1]["inputs"][attrs["name"]] = attrs.get("value") or ""


def forms_of(html: str) -> list[dict]:
    parser = FormParser()
    parser.feed(html)
    return parser.forms


class Browser:
    def __init__(self, port: int, timeout: float = 40):
        self.port, self.timeout = port, timeout
        self.cookies: dict[str, str] = {}
        self.conn = None

    def request(self, method: str, path: str, form: dict | None = None, headers=None):
        body = urlencode(form, doseq=True) if form is not None else None
        sent = {"Host": f"{HOST}:{self.port}", **(headers or {})}
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.perf_counter()
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=body, headers=sent)
                raw = self.conn.getresponse()
                data = raw.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # A kept-alive connection the server closed between requests: reconnect
                # once, as a browser does. A second failure is an error.
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        for header in raw.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return Response(
            status=raw.status,
            headers={k.lower(): v for k, v in raw.headers.items()},
            body=data.decode(errors="replace"),
            seconds=time.perf_counter() - started,
        )

    def sign_in(self, email: str, password: str) -> None:
        page = self.request("GET", "/accounts/login/")
        token = next(f["inputs"]["csrfmiddlewaretoken"] for f in forms_of(page.body))
        response = self.request(
            "POST",
            "/accounts/login/",
            {"csrfmiddlewaretoken": token, "username": email, "password": password},
        )
        if response.status != 302:
            raise SystemExit(f"sign-in of {email} failed: {response.status}")

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


# The world --------------------------------------------------------------------------------


def seed(*, coaches: int, athletes_per_coach: int, password: str) -> dict:
    """Coaches, each with athletes on a copy of a bundled programme template that started
    this week; returned as the logins and ids the virtual users need."""
    import django

    django.setup()
    from django.db import connections
    from django.utils import timezone

    from athletes import services as people
    from athletes.models import User
    from coaching import services
    from coaching.models import Programme, ScheduledSession

    template = Programme.objects.templates().order_by("pk").first()
    today = timezone.localdate()
    world = {"coaches": [], "athletes": []}
    for c in range(coaches):
        coach = User.objects.create_user(
            email=f"coach{c}@load.example", password=password, name=f"Coach {c}", is_coach=True
        )
        programme = services.programme_copy(programme=template, coach=coach)
        roster = []
        for a in range(athletes_per_coach):
            athlete = User.objects.create_user(
                email=f"athlete{c}-{a}@load.example",
                password=password,
                name=f"Athlete {c}-{a}",
                is_athlete=True,
            )
            people.athlete_profile_ensure(user=athlete)
            people.roster_add(coach=coach, athlete=athlete)
            roster.append(athlete)
        services.programme_assign(
            coach=coach,
            programme=programme,
            athletes=roster,
            starts_on=today - timedelta(days=today.weekday()),
        )
        world["coaches"].append(
            {"email": coach.email, "programme": programme.pk, "athletes": [a.pk for a in roster]}
        )
        for athlete in roster:
            sessions = ScheduledSession.objects.filter(athlete=athlete).order_by("date")
            world["athletes"].append(
                {"email": athlete.email, "sessions": list(sessions.values_list("pk", flat=True))}
            )
    connections.close_all()
    return world


def stored_sets(acks: dict) -> dict:
    """Look up each acknowledged set in the database: stored, and with the last value."""
    from django.db import connections

    from coaching.models import SetLog

    connections.close_all()
    rows = {
        (s.log.session_id, s.prescription_id, s.set_number, s.side): s.reps
        for s in SetLog.objects.select_related("log").filter(
            log__session_id__in={key[0] for key in acks}
        )
    }
    missing = [key for key in acks if key not in rows]
    wrong = [key for key, reps in acks.items() if key in rows and rows[key] != reps]
    return {
        "acknowledged": len(acks),
        "stored": len(acks) - len(missing),
        "missing": len(missing),
        "stored_with_another_value": len(wrong),
        "examples_missing": [list(k) for k in missing[:5]],
    }


# Load -------------------------------------------------------------------------------------


@dataclass
class Tally:
    timings: dict = field(default_factory=lambda: defaultdict(list))
    errors: list = field(default_factory=list)
    acks: dict = field(default_factory=dict)
    requests: int = 0

    def record(self, kind: str, response: Response | None, ok: bool, note: str = "") -> None:
        self.requests += 1
        if response is not None:
            self.timings[kind].append(response.seconds)
        if not ok:
            status = response.status if response is not None else "no response"
            self.errors.append(f"{kind}: {status} {note}".strip())


@dataclass
class Start:
    """Every user signs in (PBKDF2, slow on purpose) before the clock starts."""

    barrier: threading.Barrier
    go: threading.Event = field(default_factory=threading.Event)
    deadline: float = 0.0

    def wait(self) -> float:
        self.barrier.wait()
        self.go.wait()
        return self.deadline


def athlete_user(port, login, password, start: Start, tally: Tally, rng: random.Random):
    browser = Browser(port)
    browser.sign_in(login["email"], password)
    deadline = start.wait()
    sessions = list(login["sessions"])
    while time.monotonic() < deadline and tally.requests < MAX_REQUESTS_PER_USER:
        session = rng.choice(sessions)
        try:
            page = browser.request("GET", f"/train/sessions/{session}/")
        except OSError as error:
            tally.record("session page", None, False, repr(error))
            continue
        tally.record("session page", page, page.status == 200)
        rows = [f for f in forms_of(page.body) if f["action"].endswith("/sets/")]
        for form in rng.sample(rows, min(3, len(rows))):
            if time.monotonic() >= deadline:
                break
            inputs = form["inputs"]
            reps = rng.randint(1, 30)
            data = {**inputs, "reps": reps, "load": "", "distance_m": "", "seconds": ""}
            key = (session, int(inputs["prescription"]), int(inputs["set_number"]),
                   inputs.get("side", ""))  # fmt: skip
            try:
                response = browser.request(
                    "POST", form["action"], data, headers={"HX-Request": "true"}
                )
            except OSError as error:
                tally.record("set post", None, False, repr(error))
                continue
            # The row comes back marked done when the set was stored; a refused one carries
            # its form errors instead.
            ok = response.status == 200 and "set-row is-done" in response.body
            tally.record("set post", response, ok)
            if ok:
                tally.acks[key] = reps
    browser.close()


def coach_user(port, login, password, start: Start, tally: Tally, rng: random.Random):
    browser = Browser(port)
    browser.sign_in(login["email"], password)
    deadline = start.wait()
    programme = login["programme"]
    pages = [
        ("roster", "/coach/athletes/"),
        ("programme list", "/coach/programmes/"),
        ("programme builder", f"/coach/programmes/{programme}/"),
        ("assignments", f"/coach/programmes/{programme}/assignments/"),
    ]
    while time.monotonic() < deadline and tally.requests < MAX_REQUESTS_PER_USER:
        kind, path = rng.choice(
            [*pages, ("athlete", f"/coach/athletes/{rng.choice(login['athletes'])}/")]
        )
        try:
            response = browser.request("GET", path)
        except OSError as error:
            tally.record(kind, None, False, repr(error))
            continue
        tally.record(kind, response, response.status == 200)
    browser.close()


def run_load(port: int, world: dict, password: str, seconds: float, seed_value: int) -> dict:
    users = [(athlete_user, a) for a in world["athletes"]]
    users += [(coach_user, c) for c in world["coaches"]]
    start = Start(barrier=threading.Barrier(len(users) + 1))
    tallies = [Tally() for _ in users]

    def run(index, target, login):
        rng = random.Random(seed_value + index)  # noqa: S311 - load patterns, not secrets
        try:
            target(port, login, password, start, tallies[index], rng)
        except Exception as error:  # noqa: BLE001 - counted as an error below
            tallies[index].errors.append(f"user crashed: {error!r}")
            start.barrier.abort()

    threads = [
        threading.Thread(target=run, args=(i, target, login), daemon=True)
        for i, (target, login) in enumerate(users)
    ]
    for thread in threads:
        thread.start()
    start.barrier.wait(timeout=600)
    start.deadline = time.monotonic() + seconds
    started = time.monotonic()
    start.go.set()
    for thread in threads:
        thread.join(seconds + 60)
    elapsed = time.monotonic() - started

    timings = defaultdict(list)
    acks, errors, requests = {}, [], 0
    for tally in tallies:
        for kind, values in tally.timings.items():
            timings[kind] += values
        acks.update(tally.acks)
        errors += tally.errors
        requests += tally.requests
    return {
        "seconds": round(elapsed, 1),
        "virtual_users": {"athletes": len(world["athletes"]), "coaches": len(world["coaches"])},
        "requests": requests,
        "requests_per_second": round(requests / elapsed, 1),
        "errors": len(errors),
        "error_examples": errors[:10],
        "by_kind": {
            kind: {
                "requests": len(values),
                "p50_ms": round(statistics.median(values) * 1000, 1),
                "p95_ms": round(_percentile(values, 95) * 1000, 1),
                "max_ms": round(max(values) * 1000, 1),
            }
            for kind, values in sorted(timings.items())
        },
        "_acks": acks,
    }


def _percentile(values: list[float], pct: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * pct / 100))]


# Faults -----------------------------------------------------------------------------------


def run_faults(server: Gunicorn, world: dict, password: str, wait_for_quiet: int) -> dict:
    coach = Browser(server.port, timeout=40)
    coach.sign_in(world["coaches"][0]["email"], password)
    athlete = Browser(server.port, timeout=40)
    athlete_login = world["athletes"][0]
    athlete.sign_in(athlete_login["email"], password)
    session = athlete_login["sessions"][0]
    pids_before = (server.process.pid, server.worker_pids())

    # Stopping PostgreSQL cuts off everyone using it: wait until nobody else is.
    waited = 0
    while (busy := other_clients()) and waited < wait_for_quiet:
        if waited % 30 == 0:
            log(f"{busy} other clients on PostgreSQL: waiting before stopping it")
        time.sleep(5)
        waited += 5
    if busy:
        log("PostgreSQL stayed busy with other clients: fault test skipped")
        return {"skipped": f"{busy} other PostgreSQL clients after {waited} s"}
    form = _set_form(athlete, session)
    down = {}
    log("stopping PostgreSQL")
    postgres("stop")
    stopped_at = time.monotonic()
    try:
        # Twice: the first requests meet pooled connections that just broke, the next ones
        # wait for the pool to give up on reconnecting.
        for attempt in (1, 2):
            health = athlete.request("GET", "/healthz/")
            page = coach.request("GET", "/coach/athletes/")
            # The athlete's tab was loaded before the outage: they tap "Done" on it.
            post = athlete.request(
                "POST", form["action"], form["inputs"] | {"reps": 7}, {"HX-Request": "true"}
            )
            sign_in_page = Browser(server.port).request("GET", "/accounts/login/")
            down[f"round_{attempt}"] = {
                "healthz": [health.status, round(health.seconds, 2)],
                "coach_page": [page.status, round(page.seconds, 2)],
                "coach_page_says_unavailable": "briefly unavailable" in page.body,
                "coach_page_retry_after": page.headers.get("retry-after"),
                "set_post": [post.status, round(post.seconds, 2)],
                "anonymous_sign_in_page": [sign_in_page.status, round(sign_in_page.seconds, 2)],
            }
        down["seconds_down"] = round(time.monotonic() - stopped_at, 1)
    finally:
        log("starting PostgreSQL")
        postgres("start")
    restarted_at = time.monotonic()
    recovered = None
    for _ in range(240):
        response = athlete.request("GET", "/healthz/")
        if response.status == 200:
            recovered = round(time.monotonic() - restarted_at, 2)
            break
        time.sleep(0.5)
    page = coach.request("GET", "/coach/athletes/")
    form = _set_form(athlete, session)
    post = athlete.request(
        "POST", form["action"], form["inputs"] | {"reps": 11}, {"HX-Request": "true"}
    )
    key = (session, int(form["inputs"]["prescription"]), int(form["inputs"]["set_number"]),
           form["inputs"].get("side", ""))  # fmt: skip
    after = {
        "healthz_ok_after_seconds": recovered,
        "coach_page": page.status,
        "set_post": post.status,
        "set_stored": stored_sets({key: 11})["stored"] == 1,
        "same_gunicorn_processes": (server.process.pid, server.worker_pids()) == pids_before,
    }
    coach.close()
    athlete.close()
    return {"while_down": down, "after_restart": after}


def _set_form(browser: Browser, session: int) -> dict:
    page = browser.request("GET", f"/train/sessions/{session}/")
    return next(f for f in forms_of(page.body) if f["action"].endswith("/sets/"))


# Main -------------------------------------------------------------------------------------


def machine() -> dict:
    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    memory = re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text())
    return {
        "cpu": cpu.group(1) if cpu else platform.processor(),
        "cores": os.cpu_count(),
        "memory_gb": round(int(memory.group(1)) / 1024 / 1024, 1) if memory else None,
        "os": platform.platform(),
        "python": platform.python_version(),
        "postgresql": psql("SHOW server_version"),
    }


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--coaches", type=int, default=2)
    parser.add_argument("--athletes-per-coach", type=int, default=5)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=2, help="threads per worker")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--skip-faults", action="store_true")
    parser.add_argument(
        "--fault-wait",
        type=int,
        default=600,
        help="seconds to wait for other PostgreSQL clients to leave before stopping it",
    )
    parser.add_argument("--keep-database", action="store_true")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if not postgres_is_up():
        raise SystemExit(f"PostgreSQL does not answer at {PG}")
    env = production_env()
    password = secrets.token_urlsafe(16)
    log(f"fresh database {DATABASE}, migrate, collectstatic, library and templates")
    database_recreate()
    for command in (("migrate", "--no-input"), ("collectstatic", "--no-input"),
                    ("load_library",), ("load_templates",)):  # fmt: skip
        manage(env, *command)
    # This process seeds and checks through the ORM itself, without a pool of its own.
    os.environ.update(env | {"DJANGO_DB_POOL": "0", "DJANGO_CONN_MAX_AGE": "0"})
    sys.path.insert(0, str(ROOT))
    world = seed(
        coaches=args.coaches, athletes_per_coach=args.athletes_per_coach, password=password
    )
    results = {"command": "make reliability", "machine": machine(), "settings": vars(args)}
    with tempfile.TemporaryDirectory() as tmp:
        server = Gunicorn(
            env, workers=args.workers, threads=args.threads, log_path=Path(tmp) / "gunicorn.log"
        )
        try:
            server.start()
            log(f"gunicorn on {HOST}:{server.port}: {args.seconds:.0f} s of load")
            load = run_load(server.port, world, password, args.seconds, args.seed)
            acks = load.pop("_acks")
            results["load"] = load
            results["sets"] = stored_sets(acks)
            if not args.skip_faults:
                results["faults"] = run_faults(server, world, password, args.fault_wait)
        finally:
            server.stop()
            postgres_ensure_running()
            results["gunicorn_log_tail"] = _tail(Path(tmp) / "gunicorn.log")
    if not args.keep_database:
        psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{time.strftime('%Y-%m-%d')}.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps({k: v for k, v in results.items() if k != "gunicorn_log_tail"}, indent=2))
    load, sets = results["load"], results["sets"]
    log(
        f"{load['requests']} requests in {load['seconds']} s, {load['errors']} errors; "
        f"{sets['acknowledged']} sets acknowledged, {sets['stored']} stored"
    )
    passed = _passed(results)
    log(f"{'PASSED' if passed else 'FAILED'}; results in {out.relative_to(ROOT)}")
    return 0 if passed else 1


def _tail(path: Path) -> list[str]:
    if not path.exists():
        return []
    return path.read_text(errors="replace").splitlines()[-20:]


def _passed(results: dict) -> bool:
    sets, load = results["sets"], results["load"]
    ok = load["errors"] == 0 and sets["missing"] == 0 and sets["stored_with_another_value"] == 0
    if "faults" in results:
        if "skipped" in results["faults"]:
            return False
        down, after = results["faults"]["while_down"], results["faults"]["after_restart"]
        ok = ok and all(
            r["healthz"][0] == 503 and r["coach_page"][0] == 503 and r["set_post"][0] == 503
            for key, r in down.items()
            if key.startswith("round_")
        )
        ok = ok and after["healthz_ok_after_seconds"] is not None
        ok = ok and after["coach_page"] == 200 and after["set_post"] == 200
        ok = ok and after["set_stored"] and after["same_gunicorn_processes"]
    return ok


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
