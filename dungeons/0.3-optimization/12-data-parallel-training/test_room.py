"""Cases for train_data_parallel: every rank ends with the weights a single process would
reach with full-batch SGD, weights start from rank 0's, each rank only sees its shard, and
the returned accuracy counts all ranks. Each case starts a real gloo world of 2-3
processes on this machine."""

import torch
import torch.nn.functional as F
from torch import nn

from arena_dungeon.testing import assert_number_close, assert_tensor_close, fail, load_asset_module, note

world = load_asset_module(__file__, "world")
ref = load_asset_module(__file__, "reference")

N, BATCH = 96, 24


def _warm_up():
    """Load torch.optim's lazy imports once here, so each forked rank does not pay for them."""
    w = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.1)
    F.cross_entropy(torch.stack([w, -w], dim=1), torch.zeros(1, dtype=torch.long)).backward()
    opt.step()


_warm_up()


def _model(seed):
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 2))


def _flat(model):
    return torch.cat([p.detach().reshape(-1) for p in model.parameters()])


def _oracle(x, y, lr):
    """One process, rank 0's initial weights, full-batch SGD on the same batches."""
    model = _model(100)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    for i in range(0, len(x), BATCH):
        opt.zero_grad()
        F.cross_entropy(model(x[i:i + BATCH]), y[i:i + BATCH]).backward()
        opt.step()
    with torch.no_grad():
        acc = (model(x).argmax(-1) == y).float().mean().item()
    return _flat(model), acc


def _job(room, x, y, lr, record_rows=False):
    def job(rank, world_size):
        model = _model(100 + rank)  # every rank starts from different weights
        rows = []
        if record_rows:
            model[0].register_forward_hook(lambda m, inp, out: rows.append(inp[0].shape[0]))
        acc = room.train_data_parallel(model, x, y, rank, world_size, lr=lr, batch_size=BATCH)
        if isinstance(acc, torch.Tensor) and acc.numel() == 1:
            acc = acc.item()
        if not isinstance(acc, (int, float)):
            raise TypeError(f"train_data_parallel returned {type(acc).__name__}, expected the "
                            "accuracy as a float")
        if record_rows:
            return torch.tensor(rows, dtype=torch.float32), acc
        return torch.cat([_flat(model), torch.tensor([float(acc)])]), acc
    return job


def _check_against_oracle(room, world_size, lr, seed):
    x, y = ref.two_moons(N, seed=seed)
    call = f"train_data_parallel(model, x, y, rank, world_size={world_size}, lr={lr}, batch_size={BATCH})"
    results = world.run_ranks(_job(room, x, y, lr), world_size, timeout=3, forbid_built_ins=False)
    world.explain_errors(results, call)
    params, acc = _oracle(x, y, lr)
    for r in results:
        assert_tensor_close(r.tensor[:-1], params, atol=1e-5,
                            call=f"{call}: rank {r.rank}'s weights afterwards, against one process "
                                 "doing full-batch SGD from rank 0's weights")
    for r in results:
        assert_number_close(r.tensor[-1].item(), acc, atol=1e-6,
                            call=f"{call} on rank {r.rank} (the accuracy)")
    return acc


def test_weights_start_from_rank_0(room):
    """With lr=0 nothing trains: every rank must end with rank 0's initial weights."""
    x, y = ref.two_moons(N, seed=1)
    results = world.run_ranks(_job(room, x, y, 0.0), 2, timeout=3, forbid_built_ins=False)
    world.explain_errors(results, "train_data_parallel(..., world_size=2, lr=0)")
    start = _flat(_model(100))
    for r in results:
        if not torch.allclose(r.tensor[:-1], start, atol=1e-6):
            fail(f"with lr=0, rank {r.rank} ended with weights different from rank 0's initial "
                 "ones: broadcast every parameter from rank 0 before training", kind="value",
                 details="Each rank builds its model with its own random initialisation.")


def test_two_ranks_match_one_process(room):
    """World of 2, lr=0.5: each rank ends where full-batch SGD in one process ends."""
    _check_against_oracle(room, 2, 0.5, seed=2)


def test_three_ranks_match_one_process(room):
    """World of 3, lr=1.0: shards of 8 rows; the same weights and accuracy as one process."""
    acc = _check_against_oracle(room, 3, 1.0, seed=3)
    note(f"3 ranks, 4 steps of 24 examples: accuracy {acc:.0%} on two moons, identical on every rank")


def test_each_rank_sees_only_its_shard(room):
    """World of 3: every training forward pass sees 8 rows (24 / 3), and the evaluation 32 (96 / 3)."""
    x, y = ref.two_moons(N, seed=4)
    results = world.run_ranks(_job(room, x, y, 0.1, record_rows=True), 3, timeout=3,
                              forbid_built_ins=False)
    world.explain_errors(results, "train_data_parallel(..., world_size=3)")
    expected = [BATCH // 3] * (N // BATCH) + [N // 3]
    for r in results:
        seen = [int(v) for v in r.tensor.tolist()]
        if seen != expected:
            fail(f"rank {r.rank}'s model ran on batches of {seen} rows, expected {expected}: each "
                 "rank trains on batch.chunk(world_size)[rank] and evaluates on "
                 "x.chunk(world_size)[rank]", kind="value")
