"""How much CPU other work took while the bench measured. The bench shares its 2 CPUs
with whatever else runs on the machine (a test suite, a browser, a neighbouring virtual
machine); it reads /proc around every wrk run, waits and measures again when other work
took a large share, and reports what remained."""

import os
import time
from dataclasses import dataclass
from pathlib import Path

HZ = os.sysconf("SC_CLK_TCK")


@dataclass
class Snapshot:
    at: float
    # CPU time of the whole machine spent not idle, including time stolen by the host.
    busy: int
    # pid -> (command, parent pid, own CPU ticks, CPU ticks of reaped children)
    processes: dict[int, tuple[str, int, int, int]]
    # PostgreSQL backends: pid -> the database they are connected to
    backends: dict[int, str]


def snapshot() -> Snapshot:
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    busy = sum(values) - values[3] - values[4]  # all but idle and iowait
    processes, backends = {}, {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        command = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        # proc(5) fields 4 and 14 to 17: parent pid, user and system time, and the same
        # for children that have exited and been waited for.
        own = int(fields[11]) + int(fields[12])
        processes[int(entry)] = (command, int(fields[1]), own, int(fields[13]) + int(fields[14]))
        if command == "postgres":
            # "postgres: 15/main: user database host(port) state"
            try:
                title = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            title = title.replace(b"\0", b" ").decode(errors="replace").split()
            if len(title) > 3:
                backends[int(entry)] = title[3]
    return Snapshot(at=time.monotonic(), busy=busy, processes=processes, backends=backends)


def _tree(processes: dict[int, tuple[str, int, int, int]], root: int) -> set[int]:
    """`root` and every process descended from it."""
    tree = set()
    for pid in processes:
        seen, current = set(), pid
        while current and current not in seen:
            if current == root or current in tree:
                tree.add(pid)
                break
            seen.add(current)
            current = processes.get(current, ("", 0, 0, 0))[1]
    return tree


def _used(before: Snapshot, after: Snapshot, pid: int) -> int:
    _command, _parent, own, children = after.processes[pid]
    _c, _p, own0, children0 = before.processes.get(pid, ("", 0, 0, 0))
    return own - own0 + children - children0


def server_ms(before: Snapshot, after: Snapshot, *, root: int, database: str = "") -> float:
    """CPU milliseconds used between two snapshots by the server: `root` (gunicorn) and
    its workers, and the PostgreSQL backends connected to `database`. Unlike throughput,
    this hardly changes when other work shares the CPUs."""
    pids = _tree(after.processes, root) | {
        pid for pid, name in after.backends.items() if database and name == database
    }
    return sum(_used(before, after, pid) for pid in pids if pid in after.processes) * 1000 / HZ


def other_work(before: Snapshot, after: Snapshot, *, database: str = "") -> dict:
    """CPU time between two snapshots not used by the bench (itself, gunicorn, wrk) or by
    the PostgreSQL backends serving its `database`, as a share of all CPUs. It is the
    machine's busy time minus ours, so processes that came and went in between and time
    stolen by the host count too; `top` names the other processes that lived through it."""
    ours = _tree(after.processes, os.getpid())
    mine = 0
    others: dict[str, int] = {}
    for pid, (command, _parent, own, _children) in after.processes.items():
        if pid in ours or (database and after.backends.get(pid) == database):
            mine += _used(before, after, pid)
        elif pid in before.processes and own > before.processes[pid][2]:
            others[command] = others.get(command, 0) + own - before.processes[pid][2]
    capacity = HZ * max(after.at - before.at, 1e-3) * len(os.sched_getaffinity(0))
    other = max(after.busy - before.busy - mine, 0)
    top = sorted(others.items(), key=lambda item: item[1], reverse=True)[:3]
    return {
        "percent": round(min(100 * other / capacity, 100), 1),
        "top": [
            f"{command} {100 * ticks / capacity:.0f} %"
            for command, ticks in top
            if 100 * ticks / capacity >= 1
        ],
    }
