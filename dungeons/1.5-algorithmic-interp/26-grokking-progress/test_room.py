"""Cases for grokking_progress on the shipped run (scripts/train_grokking.py): the key
frequencies against the embedding spectrum and the run's record, the losses and excluded
losses per checkpoint against an oracle written independently (cos/sin evaluated
directly, least squares, float64), and the story: the excluded loss rises while the test
loss is still worse than chance."""

import math

import torch

import grokking
from arena_dungeon.testing import assert_equal, assert_number_close, call, curve, fail, note

RUN = grokking.load_run()
CHECKPOINTS = grokking.load_checkpoints()
P = RUN["p"]


def _loss(logits, labels):
    return float(-logits.double().log_softmax(-1).gather(1, labels[:, None]).mean())


_LOGITS: list[torch.Tensor] = []
_REPORTS: dict = {}


def _final_logits(model) -> torch.Tensor:
    """The logits at the last position, computing only what that position needs."""
    tokens, _ = grokking.all_inputs(P)
    x = model.W_E[tokens] + model.W_pos  # (p*p, 3, d_model)
    q = torch.einsum("bd,hde->bhe", x[:, -1], model.W_Q)
    k = torch.einsum("bsd,hde->bhse", x, model.W_K)
    v = torch.einsum("bsd,hde->bhse", x, model.W_V)
    pattern = (torch.einsum("bhe,bhse->bhs", q, k) / model.cfg.d_head**0.5).softmax(-1)
    z = torch.einsum("bhs,bhse->bhe", pattern, v)
    resid = x[:, -1] + torch.einsum("bhe,hed->bd", z, model.W_O)
    resid = resid + torch.relu(resid @ model.W_in + model.b_in) @ model.W_out + model.b_out
    return (resid @ model.W_U).double()


def _oracle(checkpoints, is_train, key_freqs):
    _, labels = grokking.all_inputs(P)
    x = torch.arange(P, dtype=torch.float64)
    angle = 2 * torch.pi * (x[:, None] + x[None, :]).flatten() / P
    if not _LOGITS:
        _LOGITS.extend(_final_logits(model) for _, model in CHECKPOINTS)
    rows = []
    for logits in _LOGITS:
        excl = []
        for k in key_freqs:
            D = torch.stack([torch.cos(k * angle), torch.sin(k * angle)], dim=1)
            kept = logits - D @ torch.linalg.lstsq(D, logits).solution
            excl.append(_loss(kept[is_train], labels[is_train]))
        rows.append((_loss(logits[is_train], labels[is_train]),
                     _loss(logits[~is_train], labels[~is_train]), excl))
    return rows


def _report(room, checkpoints, n_freqs=4, what="load_checkpoints(), is_train"):
    key = (id(room.grokking_progress), len(checkpoints), n_freqs)  # one call serves every case
    if key not in _REPORTS:
        _REPORTS[key] = call(room.grokking_progress, checkpoints, RUN["is_train"], n_freqs)
    out = _REPORTS[key]
    if not isinstance(out, dict):
        fail(f"grokking_progress({what}) should return a dict, got {type(out).__name__}",
             kind="type")
    missing = {"key_freqs", "train_loss", "test_loss", "excl_loss"} - set(out)
    if missing:
        fail(f"grokking_progress({what}) is missing the keys {sorted(missing)}", kind="value")
    return out


def test_key_frequencies(room):
    """The four frequencies the grokked model embeds most strongly, ascending: they must
    be the run's key frequencies (also found by clustering the MLP neurons)."""
    out = _report(room, CHECKPOINTS)
    assert_equal([int(k) for k in out["key_freqs"]], RUN["key_freqs"],
                 call="grokking_progress(...)['key_freqs']")
    note(f"key frequencies: {RUN['key_freqs']} (p = {P})")


def test_two_strongest_on_the_last_checkpoint(room):
    """n_freqs = 2 on the last checkpoint alone: the two strongest frequencies of its
    embedding, and one row of losses."""
    some = CHECKPOINTS[-1:]
    out = _report(room, some, n_freqs=2, what="[last checkpoint], n_freqs=2")
    final = some[-1][1]
    basis = torch.stack([torch.ones(P)] + [f(2 * torch.pi * k * torch.arange(P) / P)
                                           for k in range(1, P // 2 + 1) for f in (torch.cos, torch.sin)])
    basis = basis / basis.norm(dim=1, keepdim=True)
    per_freq = (basis @ final.W_E[:P]).pow(2).sum(1)[1:].reshape(-1, 2).sum(1)
    expected = sorted((per_freq.argsort(descending=True)[:2] + 1).tolist())
    assert_equal([int(k) for k in out["key_freqs"]], expected,
                 call="grokking_progress([last checkpoint], n_freqs=2)['key_freqs']")
    assert_equal(len(out["test_loss"]), 1,
                 call="len(grokking_progress([last checkpoint])['test_loss'])")


def test_losses_per_checkpoint(room):
    """Train and test loss at each of the shipped checkpoints."""
    out = _report(room, CHECKPOINTS)
    expected = _oracle(CHECKPOINTS, RUN["is_train"], [])
    for (step, _), tr, te, (etr, ete, _) in zip(CHECKPOINTS, out["train_loss"], out["test_loss"],
                                                expected):
        assert_number_close(tr, etr, rtol=1e-3, atol=1e-9, call=f"train_loss at step {step}")
        assert_number_close(te, ete, rtol=1e-3, atol=1e-6, call=f"test_loss at step {step}")


def test_excluded_loss_rises_before_test_loss_falls(room):
    """The excluded loss per checkpoint and key frequency; then the story: over the
    checkpoints whose test loss is still worse than chance (> ln p), the summed excluded
    loss at the last of them is more than twice its lowest value, while the train loss
    keeps falling."""
    out = _report(room, CHECKPOINTS)
    expected = _oracle(CHECKPOINTS, RUN["is_train"], RUN["key_freqs"])
    for (step, _), got, (_, _, exp) in zip(CHECKPOINTS, out["excl_loss"], expected):
        if len(got) != len(exp):
            fail(f"excl_loss at step {step} has {len(got)} entries, expected one per key "
                 f"frequency ({len(exp)})", kind="shape")
        for k, g, e in zip(RUN["key_freqs"], got, exp):
            assert_number_close(g, e, rtol=1e-3, atol=1e-4, call=f"excl_loss at step {step}, k = {k}")
    steps = [s for s, _ in CHECKPOINTS]
    summed = [sum(row) for row in out["excl_loss"]]
    before = [i for i in range(1, len(steps)) if out["test_loss"][i] > math.log(P)]
    low = min(summed[i] for i in before)
    if summed[before[-1]] < 2 * low:
        fail(f"over the checkpoints still worse than chance (steps {[steps[i] for i in before]}) "
             f"the summed excluded loss went from {low:.3f} at its lowest to "
             f"{summed[before[-1]]:.3f}: expected it to at least double", kind="value")
    start = RUN["steps"].index(100)  # step 0 (untrained, every loss ~4) would flatten the rest
    curve("test loss (log10) every 10 steps from step 100: up while memorising, then down",
          [math.log10(v) for v in RUN["test_loss"][start:]])
    curve("train loss (log10) every 10 steps from step 100: memorised early",
          [math.log10(v) for v in RUN["train_loss"][start:]])
    curve(f"summed excluded loss every 10 steps from step 100 (k = {RUN['key_freqs']}): it "
          "rises before the test loss falls", [sum(row) for row in RUN["excluded_loss"][start:]])
    note("step / test loss / summed excluded loss: " + "; ".join(
        f"{s}: {te:.2f} / {ex:.2f}" for s, te, ex in zip(steps, out["test_loss"], summed)))
