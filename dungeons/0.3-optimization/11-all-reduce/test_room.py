"""Cases for all_reduce: sum and mean on every rank for several world sizes, and the use it
is made for: averaging per-shard gradients into the full-batch gradient. Each case starts a
real gloo world of 2-4 processes on this machine."""

import torch

from arena_dungeon.testing import fresh_seed, load_asset_module, note

world = load_asset_module(__file__, "world")


def _run(room, starts, op):
    call = f"all_reduce(tensor, rank, world_size={len(starts)}, op='{op}')"
    total = torch.stack(starts).sum(0)
    combined = total / len(starts) if op == "mean" else total
    results = world.run_world(room.all_reduce, starts, op=op, timeout=3)
    world.check_world(results, [combined] * len(starts), call)


def test_sum_three_ranks(room):
    """Ranks hold [0, 0], [1, 2], [10, 20]: every rank ends with [11, 22]."""
    _run(room, [torch.tensor([0.0, 0.0]), torch.tensor([1.0, 2.0]), torch.tensor([10.0, 20.0])], "sum")


def test_mean_three_ranks(room):
    """The same tensors with op='mean': every rank ends with [11/3, 22/3]."""
    _run(room, [torch.tensor([0.0, 0.0]), torch.tensor([1.0, 2.0]), torch.tensor([10.0, 20.0])], "mean")


def test_two_ranks(room):
    """World of 2, op='sum', (2, 2) tensors."""
    _run(room, [torch.tensor([[1.0, -1.0], [0.5, 2.0]]), torch.tensor([[3.0, 1.0], [0.5, -2.0]])], "sum")


def test_sum_four_ranks_random(room):
    """World of 4, op='sum', random (3, 2) tensors."""
    torch.manual_seed(fresh_seed(1))
    _run(room, [torch.randn(3, 2) for _ in range(4)], "sum")


def test_mean_of_shard_gradients_is_the_full_gradient(room):
    """Data parallel: 4 ranks each take the MSE gradient of a linear model on a quarter of a
    batch; all_reduce(mean) must give every rank the gradient of the whole batch."""
    torch.manual_seed(fresh_seed(2))
    x, y = torch.randn(32, 3), torch.randn(32, 1)
    model = torch.nn.Linear(3, 1)

    def flat_grad(xb, yb):
        model.zero_grad()
        torch.nn.functional.mse_loss(model(xb), yb).backward()
        return torch.cat([p.grad.reshape(-1) for p in model.parameters()])

    shards = [flat_grad(x[i * 8:(i + 1) * 8], y[i * 8:(i + 1) * 8]) for i in range(4)]
    full = flat_grad(x, y)
    results = world.run_world(room.all_reduce, shards, op="mean", timeout=3)
    world.check_world(results, [full] * 4,
                      "all_reduce(shard gradient, rank, 4, op='mean') (should be the full-batch gradient)")
    note("4 ranks, 8 examples each: the mean of their gradients equals the 32-example gradient, "
         "so every replica can take the same optimizer step.")
