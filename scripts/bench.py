"""Benchmark the game's speed targets as ratios to baselines measured in the same run.

    python scripts/bench.py [--runs 7] [--room rearrange-1] [--out docs/benchmarks.md]

Prints a table (command, median, baseline, ratio, target, pass) and writes it as
markdown to --out. Ratios, not absolute times: the machine's speed cancels out.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
# What a player types: the console script pip made (it skips runpy's few milliseconds).
_SCRIPT = Path(PY).parent / "arena"
ARENA = [str(_SCRIPT)] if _SCRIPT.exists() else [PY, "-m", "arena_dungeon"]


def timed(cmd: list[str], runs: int, env: dict[str, str], cwd: Path) -> float:
    """Median wall time of `cmd` over `runs` runs (after one warm-up run)."""
    subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--room", default="rearrange-1")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "benchmarks.md")
    parser.add_argument("--skip-dev", action="store_true", help="skip the dev check timing")
    args = parser.parse_args()

    from arena_dungeon.content import load
    from arena_dungeon.dev import check_rooms
    from arena_dungeon.dev.cache import VerdictCache
    from arena_dungeon.grading.runner import grade
    from arena_dungeon.grading.worker import WarmWorker

    content = load()
    room = content.rooms[args.room]
    work = Path(tempfile.mkdtemp(prefix="arena-bench-"))
    # A TMPDIR of its own: the daemon and the launcher it starts are the benchmark's, not
    # the ones of a game being played on this machine.
    os.environ["TMPDIR"] = tempfile.tempdir = str(work / "t")
    (work / "t").mkdir()
    env = dict(os.environ, ARENA_WORKSPACE=str(work / "ws"), PYTHONDONTWRITEBYTECODE="1",
               ARENA_NO_DAEMON="1")  # cold checks; the daemon is timed on its own below
    subprocess.run([*ARENA, "play", room.id], env=env, cwd=work, stdout=subprocess.DEVNULL,
                   check=True)
    player = work / "player.py"
    shutil.copy(room.solution, player)
    rows: list[tuple[str, float, str, float, float, float | None]] = []

    base = timed([PY, "-c", "import typer, rich.console"], args.runs, env, work)
    for cmd in (["status"], ["map"], ["inventory"], ["tool", "einsum"], ["hint"]):
        t = timed([*ARENA, *cmd], args.runs, env, work)
        rows.append((f"arena {' '.join(cmd)}", t, "import typer, rich.console", base, 1.5, None))

    # A bare pytest run of the room's tests against the same file: only the plugin that
    # provides the `room` fixture, none of the grader's settings.
    bare_cmd = [PY, "-m", "pytest", "-q", str(room.tests), "-p", "no:cacheprovider",
                "-p", "arena_dungeon.grading.plugin", "--arena-target", str(player)]
    bare = timed(bare_cmd, args.runs, env, work)
    check = timed([*ARENA, "check", room.id], args.runs, env, work)
    rows.append(("arena check (cold)", check, "bare pytest of the room", bare, 1.15, None))

    with WarmWorker() as worker:
        worker.wait_ready()
        grade(room, player, worker=worker)
        warm = []
        for _ in range(args.runs):
            start = time.perf_counter()
            grade(room, player, worker=worker)
            warm.append(time.perf_counter() - start)
    warm_t = statistics.median(warm)
    rows.append(("watch: save to verdict (warm)", warm_t, "arena check (cold)", check, 0.2, 0.3))

    # `arena check` from the shell once the workspace's daemon runs (the first check of a
    # session starts it; that first check is the cold one above).
    from arena_dungeon.grading import daemon

    denv = {k: v for k, v in env.items() if k != "ARENA_NO_DAEMON"}
    subprocess.run([*ARENA, "check", room.id], env=denv, cwd=work, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not daemon.status(work / "ws").running and time.monotonic() < deadline:
        time.sleep(0.1)
    served = timed([*ARENA, "check", room.id], args.runs, {**denv, "ARENA_NO_LAUNCHER": "1"},
                   work)
    rows.append(("arena check (daemon running, command in place)", served,
                 "watch: save to verdict (warm)", warm_t, 3.5, None))
    rows.append(("arena check (daemon running) vs cold", served, "arena check (cold)", check,
                 1.0, None))

    # And once the command launcher runs too (every command after a session's first):
    # the command itself starts in a fork of a process that imported the game.
    from arena_dungeon import launcher

    deadline = time.monotonic() + 120
    while launcher.status() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    for cmd in (["status"], ["map"], ["hint"]):
        t = timed([*ARENA, *cmd], args.runs, denv, work)
        rows.append((f"arena {' '.join(cmd)} (launcher running)", t,
                     "import typer, rich.console", base, 1.0, None))
    launched = timed([*ARENA, "check", room.id], args.runs, denv, work)
    rows.append(("arena check (daemon and launcher running)", launched,
                 "watch: save to verdict (warm)", warm_t, 2.0, 0.3))
    launcher.stop()
    daemon.stop(work / "ws")

    if not args.skip_dev:
        # Every room's stub, solution and wrong answers graded warm (no cold comparison), once
        # with nothing cached and once more from the verdict cache that first run filled.
        rooms = content.ordered_rooms
        cache = VerdictCache(work / "verdicts")
        start = time.perf_counter()
        check_rooms(rooms, cache=cache)
        per_room = (time.perf_counter() - start) / len(rooms)
        rows.append((f"dev check, per room ({len(rooms)} rooms; stub, solution, wrong answers; "
                     "warm)", per_room, "1 s", 1.0, 1.0, 1.0))
        start = time.perf_counter()
        check_rooms(rooms, cache=cache)
        per_room = (time.perf_counter() - start) / len(rooms)
        rows.append(("dev check, per room, all cached", per_room, "dev check, per room (warm)",
                     rows[-1][1], 0.05, None))

    lines = ["| command | median | baseline | baseline median | ratio | target | pass |",
             "|---|---|---|---|---|---|---|"]
    ok_all = True
    for name, t, base_name, base_t, target_ratio, target_abs in rows:
        ratio = t / base_t
        ok = ratio <= target_ratio and (target_abs is None or t <= target_abs)
        ok_all &= ok
        target = f"<= {target_ratio:g}x" + (f", < {target_abs:g} s" if target_abs else "")
        lines.append(f"| {name} | {t:.3f} s | {base_name} | {base_t:.3f} s | {ratio:.2f}x | "
                     f"{target} | {'yes' if ok else 'no'} |")
    cpu = os.cpu_count()
    header = (f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {cpu} cores, median of "
              f"{args.runs} runs, room `{room.id}`.\n\n")
    table = header + "\n".join(lines) + "\n"
    print(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("# Benchmarks\n\n" + table)
    shutil.rmtree(work, ignore_errors=True)
    return 0 if ok_all else 1


if __name__ == "__main__":
    sys.exit(main())
