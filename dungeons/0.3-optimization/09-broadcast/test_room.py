"""Cases for broadcast: every rank ends with the source's tensor, for several world sizes
and sources, in place, and built from send/recv. Each case starts a real gloo world of
2-4 processes on this machine."""

import torch

from arena_dungeon.testing import fail, load_asset_module

world = load_asset_module(__file__, "world")


def _starts(world_size, shape=(2,)):
    """Rank r starts with values r, r + 0.5, ... so every rank's tensor is different."""
    n = 1
    for s in shape:
        n *= s
    return [(torch.arange(n, dtype=torch.float32) * 0.5 + r).reshape(shape) for r in range(world_size)]


def _run(room, world_size, src, shape=(2,)):
    starts = _starts(world_size, shape)
    call = f"broadcast(tensor, rank, world_size={world_size}, src={src})"
    results = world.run_world(room.broadcast, starts, src=src, timeout=3)
    world.check_world(results, [starts[src]] * world_size, call)


def test_three_ranks_from_rank_0(room):
    """World of 3: ranks start with [0, 0.5], [1, 1.5], [2, 2.5]; all end with [0, 0.5]."""
    _run(room, 3, 0)


def test_two_ranks(room):
    """World of 2, src=0: rank 1 ends with rank 0's tensor."""
    _run(room, 2, 0)


def test_source_is_not_rank_0(room):
    """World of 4, src=2, a (2, 3) tensor: every rank ends with rank 2's."""
    _run(room, 4, 2, shape=(2, 3))


def test_source_is_the_last_rank(room):
    """World of 3, src=2: the loop over receivers must skip the source, wherever it is."""
    _run(room, 3, 2)


def test_received_in_place(room):
    """A receiver's result must land in the very tensor it was given (not a new one)."""
    starts = _starts(3)
    results = world.run_world(room.broadcast, starts, src=1, timeout=3)
    world.explain_errors(results, "broadcast(..., src=1)")
    for r in results:
        if not torch.equal(r.tensor, starts[1]):
            fail(f"after broadcast(tensor, rank={r.rank}, world_size=3, src=1) rank {r.rank}'s "
                 f"tensor holds {r.tensor.tolist()}, expected {starts[1].tolist()}: receive "
                 "into `tensor` itself (dist.recv(tensor, src=src) writes in place), or copy "
                 "into it with tensor.copy_(...)", kind="value")
