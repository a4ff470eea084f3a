"""Make the README's screenshots from the demo data: `make screenshots`.

Builds a throwaway SQLite database with the library, templates and demo data, serves it
with the development server on a free loopback port and photographs three pages with
Debian's Chromium through Playwright."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
PASSWORD = "run-strong-2026"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(*args: str, env: dict) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def wait_for(url: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1)  # noqa: S310 - our own loopback server
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def next_session(env: dict) -> str:
    """The demo runner's next session that nobody has logged yet."""
    code = (
        "from coaching.models import ScheduledSession as S;"
        "print(S.objects.filter(athlete__email='runner@example.com', log__isnull=True,"
        " date__gte=__import__('datetime').date.today()).order_by('date').first().pk)"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip().splitlines()[-1]


def sign_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/home/")


def main() -> None:
    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("Chromium is needed: apt-get install chromium")
    workdir = tempfile.mkdtemp(prefix="drivephase-shots-")
    env = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{workdir}/demo.sqlite3",
    }
    for command in (
        ("migrate", "--no-input"),
        ("load_library",),
        ("load_templates",),
        ("load_demo",),
    ):
        manage(*command, env=env)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"{base}/healthz/")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium,
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                ],
            )
            desktop = browser.new_page(viewport={"width": 1280, "height": 900})
            sign_in(desktop, base, "coach@example.com")
            desktop.goto(f"{base}/coach/")
            desktop.screenshot(path=OUT / "coach-dashboard.png")
            desktop.goto(f"{base}/library/exercises/romanian-deadlift/")
            desktop.screenshot(path=OUT / "exercise-page.png", full_page=True)

            phone = browser.new_page(viewport={"width": 375, "height": 812}, device_scale_factor=2)
            sign_in(phone, base, "runner@example.com")
            phone.goto(f"{base}/train/sessions/{next_session(env)}/")
            phone.get_by_role("button", name="Done").first.click()
            phone.wait_for_selector(".set-row.is-done")
            phone.screenshot(path=OUT / "session-logging-phone.png")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"Screenshots written to {OUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
