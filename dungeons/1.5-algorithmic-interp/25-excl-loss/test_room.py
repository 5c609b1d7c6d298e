"""Cases for excl_loss: an oracle that builds cos and sin of w (x + y) directly, removes
them by least squares and computes the loss in float64, on stand-in models with planted
waves, on the
training split only, and on the grokked model."""

import torch

import grokking
from arena_dungeon.testing import assert_equal, assert_number_close, call, fail, fresh_seed, note


class _Planted(torch.nn.Module):
    """A stand-in model whose logits are planted waves cos(w_k (a + b - c)) with the given
    amplitudes, plus fixed noise: removing a planted frequency costs a lot of loss."""

    def __init__(self, p: int, amps: dict[int, float], seed: int):
        super().__init__()
        self.cfg = grokking.Config(p=p)
        self.amps = amps
        self.noise = 0.5 * torch.randn(p, p, p, generator=torch.Generator().manual_seed(seed))

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        p = self.cfg.p
        a, b, c = tokens[:, 0], tokens[:, 1], torch.arange(p)
        logits = self.noise[a, b].clone()
        for k, amp in self.amps.items():
            logits += amp * torch.cos(2 * torch.pi * k * ((a + b)[:, None] - c[None, :]) / p)
        return logits[:, None, :].expand(-1, 3, -1)


def _oracle(model, key_freqs, is_train) -> list[float]:
    p = model.cfg.p
    tokens, labels = grokking.all_inputs(p)
    logits = model(tokens)[:, -1].double()
    x = torch.arange(p, dtype=torch.float64)
    angle = 2 * torch.pi * (x[:, None] + x[None, :]).flatten() / p
    out = []
    for k in key_freqs:
        D = torch.stack([torch.cos(k * angle), torch.sin(k * angle)], dim=1)  # (p*p, 2)
        coef = torch.linalg.lstsq(D, logits).solution
        kept = logits - D @ coef
        logprobs = kept[is_train].log_softmax(-1)
        out.append(float(-logprobs.gather(1, labels[is_train][:, None]).mean()))
    return out


def _check(room, model, key_freqs, is_train, what, atol=1e-4):
    got = call(room.excl_loss, model, key_freqs, is_train)
    if not isinstance(got, (list, tuple)):
        fail(f"excl_loss({what}) should return a list of floats, got {type(got).__name__}",
             kind="type")
    assert_equal(len(got), len(key_freqs), call=f"len(excl_loss({what}))")
    for k, g, e in zip(key_freqs, got, _oracle(model, key_freqs, is_train)):
        assert_number_close(g, e, atol=atol, rtol=1e-3, call=f"excl_loss({what}) for k = {k}")
    return got


def _mask(seed, p, frac=0.4):
    perm = torch.randperm(p * p, generator=torch.Generator().manual_seed(seed))
    mask = torch.zeros(p * p, dtype=torch.bool)
    mask[perm[: int(frac * p * p)]] = True
    return mask


def test_planted_waves(room):
    """A stand-in model with waves of frequency 1 and 3 planted in its logits (p = 7), a
    random 40% split."""
    model = _Planted(7, {1: 3.0, 3: 2.0}, fresh_seed(0))
    _check(room, model, [1, 3], _mask(fresh_seed(0), 7), "planted model p = 7, [1, 3]")


def test_each_frequency_on_its_own(room):
    """p = 11, frequencies [2, 4, 5] planted: each entry removes its own frequency only, so the
    entry for 4 is the same whether or not 2 comes first."""
    model = _Planted(11, {2: 2.0, 4: 3.0, 5: 1.5}, fresh_seed(1))
    _check(room, model, [2, 4, 5], _mask(fresh_seed(1), 11), "planted model p = 11, [2, 4, 5]")


def test_training_pairs_only(room):
    """p = 13 (frequencies 6 and 1 planted) with a 20% split: the loss is averaged over the training pairs only."""
    model = _Planted(13, {6: 3.0, 1: 1.0}, fresh_seed(2))
    _check(room, model, [6], _mask(fresh_seed(2), 13, frac=0.2), "planted model p = 13, [6], 20%")


def test_grokked_model(room):
    """The shipped model on its own training split and key frequencies."""
    run = grokking.load_run()
    model = grokking.load_model()
    got = _check(room, model, run["key_freqs"], run["is_train"], "load_model(), key_freqs",
                 atol=1e-3)
    note("excluded loss of the grokked model on its training pairs: " + ", ".join(
        f"k={k}: {v:.3f}" for k, v in zip(run["key_freqs"], got)) + " (its train loss is ~1e-7)")
