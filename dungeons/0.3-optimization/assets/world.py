"""A tiny real `torch.distributed` world for the collective-communication rooms' tests.

`run_world(fn, inputs, **kwargs)` forks one process per input tensor, joins them into a
gloo process group through a FileStore in a fresh temporary folder (no fixed ports, so
tests can run side by side), calls `fn(tensor, rank, world_size, **kwargs)` in each, and
returns what every rank's tensor holds afterwards, or the error a rank ran into. A rank
that waits forever (a recv with no matching send) is stopped after `timeout` seconds.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import tempfile
import time
import traceback

import torch
import torch.distributed as dist
import torch.multiprocessing as mp


class RankResult:
    def __init__(self, rank: int, tensor: torch.Tensor | None = None, error: str = "",
                 returned: str = "None") -> None:
        self.rank, self.tensor, self.error, self.returned = rank, tensor, error, returned


BUILT_INS = ("broadcast", "reduce", "all_reduce", "all_gather", "reduce_scatter", "scatter",
             "gather", "all_to_all")


def _forbid_built_ins() -> None:
    """Make torch's own collectives raise: the rooms are about building them from send/recv."""
    for name in BUILT_INS:
        def refuse(*args, _name=name, **kwargs):
            raise RuntimeError(f"dist.{_name} is torch's built-in collective; this room asks "
                               "you to build it from dist.send and dist.recv")
        setattr(dist, name, refuse)


def _check_peers(rank: int, world_size: int) -> None:
    """Wrap dist.send/recv so that a message to oneself or to a missing rank fails clearly."""
    send, recv = dist.send, dist.recv

    def check(what: str, key: str, peer) -> None:
        if peer == rank:
            raise ValueError(f"rank {rank} called dist.{what}({key}={peer}), a message to itself: "
                             "a rank already has its own tensor")
        if not isinstance(peer, int) or not 0 <= peer < world_size:
            raise ValueError(f"rank {rank} called dist.{what}({key}={peer!r}); ranks are 0 .. "
                             f"{world_size - 1}")

    def checked_send(tensor, dst=None, *args, **kwargs):
        check("send", "dst", dst)
        return send(tensor, dst, *args, **kwargs)

    def checked_recv(tensor, src=None, *args, **kwargs):
        check("recv", "src", src)
        return recv(tensor, src, *args, **kwargs)

    dist.send, dist.recv = checked_send, checked_recv


def _worker(rank, world_size, store_path, job, queue, timeout, forbid):
    try:
        torch.set_num_threads(1)
        dist.init_process_group("gloo", init_method=f"file://{store_path}", rank=rank,
                                world_size=world_size,
                                timeout=datetime.timedelta(seconds=timeout))
        if forbid:
            _forbid_built_ins()
        _check_peers(rank, world_size)
        tensor, out = job(rank, world_size)
        queue.put((rank, tensor.tolist(), str(tensor.dtype), "", type(out).__name__))
    except BaseException as e:  # noqa: BLE001 - reported to the parent
        tb = traceback.format_exception(type(e), e, e.__traceback__)
        queue.put((rank, None, "", f"{type(e).__name__}: {e}\n" + "".join(tb[-3:]), ""))
    finally:
        try:
            if dist.is_initialized():
                _wait_for_the_others(store_path, world_size, timeout)
                dist.destroy_process_group()
        except BaseException:  # noqa: BLE001
            pass


def _wait_for_the_others(store_path, world_size, timeout):
    """Leave only when every rank has finished its job (or after `timeout`).

    A rank that tears its process group down early closes its connections under ranks
    still setting theirs up, and they would report "Connection closed by peer" instead of
    their own error: then which rank's error the learner sees would depend on timing. This
    count goes through a second FileStore, not through gloo.
    """
    done = dist.FileStore(store_path + ".done", world_size)
    done.add("finished", 1)
    deadline = time.monotonic() + timeout
    while done.add("finished", 0) < world_size and time.monotonic() < deadline:
        time.sleep(0.005)


def run_ranks(job, world_size: int, *, timeout: float = 6.0, forbid_built_ins: bool = True
              ) -> list[RankResult]:
    """Run `job(rank, world_size) -> (tensor to report, return value)` on every rank."""
    folder = tempfile.mkdtemp(prefix="arena-world-")
    ctx = mp.get_context("fork")
    queue = ctx.SimpleQueue()
    procs = []
    results: dict[int, RankResult] = {}
    try:
        for rank in range(world_size):
            p = ctx.Process(target=_worker, daemon=True,
                            args=(rank, world_size, os.path.join(folder, "store"), job, queue,
                                  timeout, forbid_built_ins))
            p.start()
            procs.append(p)
        deadline = time.monotonic() + timeout + 2
        while len(results) < world_size and time.monotonic() < deadline \
                and not _decided(results):
            while not queue.empty() and len(results) < world_size:
                rank, values, dtype, error, returned = queue.get()
                tensor = None
                if values is not None:
                    tensor = torch.tensor(values, dtype=getattr(torch, dtype.removeprefix("torch.")))
                results[rank] = RankResult(rank, tensor, error, returned)
            if len(results) < world_size:
                if all(not p.is_alive() for p in procs) and queue.empty():
                    break
                time.sleep(0.005)
        for rank in range(world_size):
            if rank not in results:
                results[rank] = RankResult(rank, error="timeout")
        return [results[r] for r in range(world_size)]
    finally:
        grace = 0 if _decided(results) else 1  # decided: the rest only wait for one another
        for p in procs:
            p.join(timeout=grace)
            if p.is_alive():
                p.kill()
                p.join()
        shutil.rmtree(folder, ignore_errors=True)


def _own_error(error: str) -> bool:
    """An error the rank's own code raised, not one caused by another rank stopping."""
    return bool(error) and error != "timeout" and "Connection closed by peer" not in error \
        and "Timed out waiting" not in error


def _decided(results: dict[int, RankResult]) -> bool:
    """True once the verdict cannot change: rank k raised its own error and every rank below
    k has reported (`explain_errors` names the lowest such rank). The ranks still waiting
    for a message from it would only time out, so they are stopped at once."""
    for rank in range(len(results) + 1):
        if rank not in results:
            return False
        if _own_error(results[rank].error):
            return True
    return False


def run_world(fn, inputs: list[torch.Tensor], *, timeout: float = 6.0, **kwargs) -> list[RankResult]:
    """Run `fn(tensor, rank, world_size, **kwargs)` on len(inputs) ranks, rank r's tensor a
    copy of inputs[r]; report every rank's tensor afterwards. torch's collectives are off."""
    def job(rank, world_size):
        tensor = inputs[rank].clone()
        out = fn(tensor, rank, world_size, **kwargs)
        return tensor, out

    return run_ranks(job, len(inputs), timeout=timeout)


def explain_errors(results: list[RankResult], call: str) -> None:
    """Fail with a learner-worded message if any rank raised or never finished."""
    from arena_dungeon.testing import fail

    errors = [r for r in results if r.error]
    if not errors:
        return
    own = [r for r in errors if _own_error(r.error)]
    if own:
        r = own[0]
        first = r.error.splitlines()[0]
        fail(f"{call}: rank {r.rank} raised {first}", kind="exception",
             details=r.error)
    stuck = [r.rank for r in errors]
    fail(f"{call}: rank(s) {stuck} were still waiting for a message when the others had "
         "finished (or everyone waited forever): every dist.recv(src=a) on rank b needs a "
         "dist.send(dst=b) on rank a", kind="timeout",
         details="\n".join(f"rank {r.rank}: {_short(r.error)}" for r in results))


def _short(error: str) -> str:
    """The first line of a rank's error without gloo's source path: 'Timed out waiting ...'."""
    if not error:
        return "finished"
    if error == "timeout":
        return "never finished"
    return re.sub(r"\[/[^\]]*\] ", "", error.splitlines()[0])


def check_world(results: list[RankResult], expected: list[torch.Tensor], call: str) -> None:
    """Every rank's final tensor against `expected[rank]`."""
    from arena_dungeon.testing import assert_tensor_close

    explain_errors(results, call)
    for r, e in zip(results, expected):
        assert_tensor_close(r.tensor, e, call=f"{call}: the tensor on rank {r.rank} afterwards",
                            atol=1e-5)
