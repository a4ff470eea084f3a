import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# for setup are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
PHONE = {"width": 375, "height": 812}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if CHROMIUM is None and not IN_CI:
                item.add_marker(pytest.mark.skip(reason="Chromium is not installed"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if CHROMIUM is None:
        pytest.fail("CI=true but Debian's chromium is not on the PATH: browser tests must run.")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Reduced motion turns off Bootstrap's transitions, so axe never measures a colour
    # halfway through a hover fade.
    return {
        **browser_context_args,
        "viewport": PHONE,
        "locale": "en-GB",
        "reduced_motion": "reduce",
    }


def watch(page, base_url: str):
    """Give a page the live server's address and collect its console errors."""
    page.set_default_timeout(10_000)
    page.base_url = base_url
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.console_errors = errors
    return page


@pytest.fixture
def page(page, live_server):
    return watch(page, live_server.url)


_axe = Axe()


def assert_accessible(page) -> None:
    """axe-core on the page as shown: no serious or critical violation, and no console
    errors (a CSP violation shows up there)."""
    page.mouse.move(0, 0)
    results = _axe.run(page)
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        f"{[(n['target'], n.get('failureSummary', '')) for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert bad == [], "\n".join(bad)
    assert page.console_errors == [], page.console_errors


def sign_in(page, email: str, password: str) -> None:
    page.goto(f"{page.base_url}/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
