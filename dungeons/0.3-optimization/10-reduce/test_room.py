"""Cases for reduce: sum and mean land on `dst` only, for several world sizes and
destinations. Each case starts a real gloo world of 2-4 processes on this machine."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, fail, load_asset_module

world = load_asset_module(__file__, "world")

SMALL = [torch.tensor([0.0, 0.0]), torch.tensor([1.0, 2.0]), torch.tensor([10.0, 20.0])]


def _run(room, starts, dst, op):
    call = f"reduce(tensor, rank, world_size={len(starts)}, dst={dst}, op='{op}')"
    total = torch.stack(starts).sum(0)
    combined = total / len(starts) if op == "mean" else total
    expected = [combined if r == dst else s for r, s in enumerate(starts)]
    world.check_world(world.run_world(room.reduce, starts, dst=dst, op=op, timeout=3), expected, call)


def test_sum_on_rank_0(room):
    """Ranks hold [0, 0], [1, 2], [10, 20]: rank 0 ends with [11, 22]."""
    _run(room, SMALL, 0, "sum")


def test_mean_on_rank_0(room):
    """The same three tensors with op='mean': rank 0 ends with [11/3, 22/3]."""
    _run(room, SMALL, 0, "mean")


def test_sum_on_another_rank(room):
    """World of 4, dst=2, (2, 3) tensors: rank 2 ends with the sum of all four."""
    torch.manual_seed(fresh_seed(0))
    _run(room, [torch.randn(2, 3) for _ in range(4)], 2, "sum")


def test_other_ranks_keep_their_tensors(room):
    """op='mean' to dst=1 in a world of 3: ranks 0 and 2 must end exactly as they started."""
    starts = [torch.tensor([3.0, -1.0]), torch.tensor([6.0, 4.0]), torch.tensor([0.0, 9.0])]
    results = world.run_world(room.reduce, starts, dst=1, op="mean", timeout=3)
    world.explain_errors(results, "reduce(..., dst=1, op='mean')")
    for r in (0, 2):
        if not torch.equal(results[r].tensor, starts[r]):
            fail(f"after reduce(tensor, rank={r}, world_size=3, dst=1, op='mean') rank {r} holds "
                 f"{results[r].tensor.tolist()}, expected its own {starts[r].tolist()} unchanged: "
                 "only `dst` combines (and divides)", kind="value")
    assert_tensor_close(results[1].tensor, torch.tensor([3.0, 4.0]),
                        call="reduce(..., dst=1, op='mean'): the tensor on rank 1 afterwards")


def test_two_ranks_mean(room):
    """World of 2, dst=1, op='mean': rank 1 ends with the average of both."""
    _run(room, [torch.tensor([[1.0, 2.0]]), torch.tensor([[3.0, 8.0]])], 1, "mean")
