"""Turn a bench run's results into the targets check and the Markdown in
docs/performance.md (between the bench:begin and bench:end markers)."""

from pathlib import Path

from bench.pages import PAGES, REFERENCE

RATIO_TARGET = 0.15
# Cold: every cached read recomputed, as right after a change (bench/cold.py).
COLD_RATIO_TARGET = 0.05
FIRST_LOAD_LIMIT = 150_000  # bytes, as served
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
DATABASE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def _small_and_large(results: dict) -> tuple[str, str]:
    sizes = sorted(results["sizes"], key=lambda s: results["sizes"][s]["athletes"])
    return sizes[0], sizes[-1]


def _page_order(results: dict) -> list[str]:
    seen = {
        name for runs in results["runs"].values() for run in runs.values() for name in run["pages"]
    }
    return [p.name for p in PAGES if p.name in seen]


def _first_loads(results: dict) -> dict[str, dict]:
    """The heaviest first load of each page at the large size over all databases."""
    _, large = _small_and_large(results)
    loads: dict[str, dict] = {}
    for runs in results["runs"].values():
        for name, page in runs[large]["pages"].items():
            load = page.get("first_load")
            if load and (name not in loads or load["total"] > loads[name]["total"]):
                loads[name] = load
    return loads


def acceptance(results: dict) -> dict:
    small, large = _small_and_large(results)
    misses = []
    for database, runs in results["runs"].items():
        for name, page in runs[large]["pages"].items():
            if name != REFERENCE and page["vs_reference"] < RATIO_TARGET:
                busy = page["other_work"]["percent"]
                beside = (
                    f", measured beside other work taking {busy:.0f} % of the CPUs"
                    if busy > results["load"]["other_work_limit_percent"]
                    else ""
                )
                misses.append(
                    f"{DATABASE_NAMES[database]}: {name} at {_percent(page['vs_reference'])} of "
                    f"/healthz/ throughput at {large} (target {_percent(RATIO_TARGET)}){beside}"
                )
            cold = page.get("cold") or {}
            if name != REFERENCE and "rps" in cold and cold["vs_reference"] < COLD_RATIO_TARGET:
                misses.append(
                    f"{DATABASE_NAMES[database]}: {name} cold at {_percent(cold['vs_reference'])} "
                    f"of /healthz/ throughput at {large} (target {_percent(COLD_RATIO_TARGET)})"
                )
            cold_small = (runs[small]["pages"].get(name, {}).get("cold") or {}).get("queries")
            if cold_small is not None and cold.get("queries") != cold_small:
                misses.append(
                    f"{DATABASE_NAMES[database]}: {name} runs {cold_small} queries cold at "
                    f"{small} but {cold.get('queries')} at {large}"
                )
            queries_small = runs[small]["pages"].get(name, {}).get("queries")
            if queries_small is not None and page["queries"] != queries_small:
                misses.append(
                    f"{DATABASE_NAMES[database]}: {name} runs {queries_small} queries at "
                    f"{small} but {page['queries']} at {large}"
                )
        for size, run in runs.items():
            for name, page in run["pages"].items():
                if page["errors"]:
                    misses.append(
                        f"{DATABASE_NAMES[database]} {size}: {name} had {page['errors']} failed "
                        "or unexpected responses under load"
                    )
    for name, load in _first_loads(results).items():
        if load["total"] >= FIRST_LOAD_LIMIT:
            misses.append(f"{name}: first load {load['total'] / 1000:.1f} KB (limit 150 KB)")
    return {
        "throughput_vs_reference_min": RATIO_TARGET,
        "cold_throughput_vs_reference_min": COLD_RATIO_TARGET,
        "first_load_max_bytes": FIRST_LOAD_LIMIT,
        "misses": misses,
    }


def _percent(share: float) -> str:
    return f"{100 * share:.0f} %"


def _kb(n: int) -> str:
    return f"{n / 1000:.1f}"


def _machine(results: dict) -> str:
    m = results["machine"]
    load = results["load"]
    git = results["git"]
    sizes = ", ".join(
        f"{label} = {s['athletes']} athletes" for label, s in results["sizes"].items()
    )
    lines = [
        f"Run of {results['date']} at commit `{git['commit'][:10]}`"
        + (f" with changes to {', '.join(git['changed'][:6])}" if git["dirty"] else "")
        + f"; the bench took {results['seconds'] / 60:.1f} minutes. "
        f"Raw numbers in `{results['results_path']}`.",
        "",
        f"- Machine: {m['nproc']} CPUs ({m['cpu_model']}), {m['memory_gb']} GB memory, "
        f"{m['os']}, Linux {m['kernel']}.",
        f"- Software: Python {m['python']}, Django {m['django']}, gunicorn {m['gunicorn']}, "
        f"whitenoise {m['whitenoise']}, psycopg {m['psycopg']}, SQLite {m['sqlite']}"
        + (f", PostgreSQL {m['postgresql']}" if "postgresql" in m else "")
        + (f", Redis {m['redis']}" if m.get("redis") else "")
        + f", {m['wrk']}.",
        f"- Server: gunicorn, {load['gunicorn_workers']} sync workers, `DJANGO_DEBUG=0`, "
        "hashed static files from `collectstatic` served by whitenoise, "
        + (
            "cache and `cached_db` sessions in Redis (`REDIS_URL`), as in production."
            if load.get("cache") == "redis"
            else "per-process memory cache and database sessions (no `REDIS_URL`)."
        ),
        f"- Load: wrk on the same machine over loopback, {load['threads']} thread, "
        f"{load['connections']} connections, {load['warmup_seconds']} s warm-up then "
        f"{load['seconds']} s measured per page.",
        f"- Data: {sizes} (plus one coach per 25 athletes and the library), "
        "seeded by `manage.py seed_demo` into a new database for every run.",
        "- Other work on the machine while wrk measured (CPU used by processes other than the "
        "bench, gunicorn, wrk and PostgreSQL): " + _other_work(results) + ".",
    ]
    return "\n".join(lines)


def _other_work(results: dict) -> str:
    limit = results["load"]["other_work_limit_percent"]
    measured = [
        (page["other_work"]["percent"], DATABASE_NAMES[database], size, name, page)
        for database, runs in results["runs"].items()
        for size, run in runs.items()
        for name, page in run["pages"].items()
    ]
    if not measured:
        return "not measured"
    shares = sorted(m[0] for m in measured)
    worst = max(measured, key=lambda m: m[0])
    text = (
        f"median {shares[len(shares) // 2]:.0f} %, at most {worst[0]:.0f} % of the CPUs "
        f"({worst[1]} {worst[2]} {worst[3]}"
        + (f": {', '.join(worst[4]['other_work']['top'])}" if worst[4]["other_work"]["top"] else "")
        + f"). Other work above {limit:.0f} % made the bench wait "
        f"{results['load']['waited_for_quiet_seconds']:.0f} s and repeat "
        f"{results['load']['remeasured']} of {len(measured)} measurements"
    )
    over = [m for m in measured if m[0] > limit]
    if over:
        text += f", {len(over)} still above it (marked with a dagger)"
    return text


def _throughput_table(results: dict, database: str) -> str:
    small, large = _small_and_large(results)
    runs = results["runs"][database]
    head = (
        f"| page | signed in | queries {small} | queries {large} | req/s {small} | "
        f"req/s {large} | p50 ms | p99 ms | server CPU ms | vs /healthz/ | HTML KB |\n"
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    limit = results["load"]["other_work_limit_percent"]
    rows = []
    for name in _page_order(results):
        small_page, page = runs[small]["pages"].get(name), runs[large]["pages"].get(name)
        if page is None or small_page is None:
            continue
        ratio = _percent(page["vs_reference"])
        if name == REFERENCE:
            ratio = "(reference)"
        elif page["vs_reference"] < RATIO_TARGET:
            ratio = f"**{ratio}**"
        queries_large = str(page["queries"])
        if small_page["queries"] != page["queries"]:
            queries_large = f"**{queries_large}**"
        busy = any(p["other_work"]["percent"] > limit for p in (small_page, page))
        label = f"{name} \N{DAGGER}" if busy else name
        cells = [
            f"{label} `{page['url']}`",
            page["user"],
            str(small_page["queries"]),
            queries_large,
            f"{small_page['rps']:.0f}",
            f"{page['rps']:.0f}",
            f"{page['p50_ms']:.1f}",
            f"{page['p99_ms']:.1f}",
            f"{page['server_cpu_ms']:.2f}",
            ratio,
            _kb(page["html_bytes"]),
        ]
        rows.append("| " + " | ".join(cells) + " |")
    reference = runs[large]["pages"].get(REFERENCE, {})
    runs_rps = ", ".join(f"{r:.0f}" for r in reference.get("reference_runs_rps", []))
    note = (
        f"\n\nLatency, server CPU (gunicorn's workers and their PostgreSQL backends, per "
        f"request) and the ratio to /healthz/ are at {large}. /healthz/ was measured at the "
        f"start, middle and end of each run ({runs_rps} req/s at {large}); its row and the "
        "ratios use the median."
    )
    return head + "\n" + "\n".join(rows) + note


def _cold_table(results: dict, database: str) -> str:
    small, large = _small_and_large(results)
    runs = results["runs"][database]
    head = (
        f"| page | queries {small} | queries {large} | req/s {large} | p50 ms | "
        "server CPU ms | vs /healthz/ | warm server CPU ms |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    rows = []
    for name in _page_order(results):
        if name == REFERENCE:
            continue
        small_page, page = runs[small]["pages"].get(name), runs[large]["pages"].get(name)
        cold, cold_small = (page or {}).get("cold"), (small_page or {}).get("cold")
        if not cold or "rps" not in cold or not cold_small:
            continue
        ratio = _percent(cold["vs_reference"])
        if cold["vs_reference"] < COLD_RATIO_TARGET:
            ratio = f"**{ratio}**"
        queries_large = str(cold["queries"])
        if cold_small["queries"] != cold["queries"]:
            queries_large = f"**{queries_large}**"
        cells = [
            name,
            str(cold_small["queries"]),
            queries_large,
            f"{cold['rps']:.0f}",
            f"{cold['p50_ms']:.1f}",
            f"{cold['server_cpu_ms']:.2f}",
            ratio,
            f"{page['server_cpu_ms']:.2f}",
        ]
        rows.append("| " + " | ".join(cells) + " |")
    if not rows:
        return ""
    note = (
        f"\n\nCold: every version in the cache new before each request (bench/cold.py), so "
        "every cached read is computed from the database and stored again, as right after "
        f"an athlete logs a set or a curator edits. Ratios against the warm run's /healthz/ "
        f"median at {large}; queries counted in-process the same way at both sizes."
    )
    return head + "\n" + "\n".join(rows) + note


def _first_load_table(results: dict) -> str:
    _, large = _small_and_large(results)
    head = (
        "| page | HTML | CSS | JS | total | HTML if gzipped |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: |"
    )
    rows = []
    loads = _first_loads(results)
    for name in _page_order(results):
        load = loads.get(name)
        if not load:
            continue
        total = _kb(load["total"])
        if load["total"] >= FIRST_LOAD_LIMIT:
            total = f"**{total}**"
        rows.append(
            f"| {name} | {_kb(load['html'])} | {_kb(load['css'])} | {_kb(load['js'])} | "
            f"{total} | {_kb(load['html_gzip'])} |"
        )
    assets = {a["url"]: a for load in loads.values() for a in load["assets"]}
    listing = ", ".join(
        f"`{a['url'].rsplit('/', 1)[-1]}` {_kb(a['bytes'])} ({a['encoding']})"
        for a in assets.values()
    )
    return (
        f"KB of 1000 bytes, at {large}, as served to a browser sending "
        "`Accept-Encoding: br, gzip`. HTML as Django sends it (uncompressed); the last column "
        "is what it would weigh behind a proxy that compresses.\n\n"
        + head
        + "\n"
        + "\n".join(rows)
        + f"\n\nAssets: {listing}."
    )


def _profile_row(row: dict) -> str:
    return (
        f"| `{row['function']}` | {row['calls_per_request']:g} | "
        f"{row['own_ms_per_request']:.2f} | {row['cumulative_ms_per_request']:.2f} |"
    )


def _profiles(results: dict) -> str:
    parts = []
    for database, runs in results["runs"].items():
        for run in runs.values():
            profile = run.get("profile")
            if not profile:
                continue
            shares = ", ".join(f"{k} {v:.0f} %" for k, v in profile["percent_of_request"].items())
            rows = [_profile_row(r) for r in profile["top_own_time"][:10]]
            # Our code, leaving out the wrappers (middleware, the view) that hold it all.
            whole = profile["ms_per_request_profiled"]
            ours = [
                r
                for r in profile.get("top_app_cumulative", [])
                if r["cumulative_ms_per_request"] < 0.9 * whole
            ][:6]
            if ours:
                rows.append("| *Drivephase's own code, most cumulative time:* | | | |")
                rows += [_profile_row(r) for r in ours]
            parts.append(
                f"**{DATABASE_NAMES[database]}: {profile['page']}** (`{profile['url']}`), "
                f"{profile['requests']} requests in-process under cProfile, "
                f"{whole:.1f} ms each (the profiler slows calls down; read the shares). "
                f"Share of the request: {shares}.\n\n"
                "| function (most own time) | calls per request | own ms | cumulative ms |\n"
                "| --- | ---: | ---: | ---: |\n" + "\n".join(rows)
            )
    return "\n\n".join(parts)


def markdown(results: dict) -> str:
    misses = results["acceptance"]["misses"]
    targets = "\n".join(f"- {m}" for m in misses) if misses else "- All targets met."
    sections = [f"## Latest results ({results['date']})", _machine(results)]
    for database in results["runs"]:
        sections += [f"### {DATABASE_NAMES[database]}", _throughput_table(results, database)]
        cold = _cold_table(results, database)
        if cold:
            sections += [f"### {DATABASE_NAMES[database]}, cold", cold]
    sections += [
        "### First load",
        _first_load_table(results),
        "### Targets missed",
        targets,
        "### Profile of the slowest page (lowest share of /healthz/ at the large size)",
        _profiles(results) or "(not profiled in this run)",
    ]
    return "\n\n".join(sections)


def write_doc(doc: Path, results: dict) -> None:
    block = f"{BEGIN}\n{markdown(results)}\n{END}"
    text = doc.read_text() if doc.exists() else "# Performance\n\n"
    if BEGIN in text and END in text:
        before, rest = text.split(BEGIN, 1)
        after = rest.split(END, 1)[1]
        text = before + block + after
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    doc.write_text(text)
