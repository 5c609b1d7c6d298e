"""Cases for find_neuron_freqs: planted spectra, random spectra against a loop over
frequencies and neurons, and the grokked model's MLP neurons (they cluster on its key
frequencies)."""

import torch

import grokking
from arena_dungeon.testing import (
    assert_tensor_close, assert_tensor_equal, call, fail, fresh_seed, note, show_picture,
)
from fourier import fft2d


def _oracle(acts: torch.Tensor):
    p, _, n = acts.shape
    freqs, fracs = [], []
    for neuron in range(n):
        sq = acts[:, :, neuron].double().pow(2)
        scores = []
        for k in range(1, p // 2 + 1):
            rows = [0, 2 * k - 1, 2 * k]
            scores.append(sum(float(sq[i, j]) for i in rows for j in rows))
        best = max(range(len(scores)), key=lambda i: scores[i])
        freqs.append(best + 1)
        fracs.append(scores[best] / float(sq.sum()))
    return torch.tensor(freqs), torch.tensor(fracs, dtype=torch.float32)


def _pair(room, acts, what):
    out = call(room.find_neuron_freqs, acts)
    if not isinstance(out, tuple) or len(out) != 2:
        fail(f"find_neuron_freqs({what}) should return a pair (neuron_freqs, "
             f"neuron_frac_explained), got {type(out).__name__}", kind="type")
    return out


def test_planted_spectra(room):
    """p = 7, three neurons: all of neuron 0 on (cos 2 x, const y), neuron 1 split 3:1
    between frequency 3 terms and a frequency 1 term, neuron 2 on (sin 1, sin 1) plus a
    quarter as much on (cos 1, const)."""
    acts = torch.zeros(7, 7, 3)
    acts[3, 0, 0] = 2.0
    acts[5, 6, 1], acts[6, 0, 1], acts[1, 1, 1] = 1.0, 2.0**0.5, 1.0
    acts[2, 2, 2], acts[1, 0, 2] = 2.0, 1.0
    freqs, fracs = _pair(room, acts, "planted (7, 7, 3)")
    assert_tensor_equal(freqs, torch.tensor([2, 3, 1]), call="neuron_freqs, planted", dims="neuron")
    assert_tensor_close(fracs, torch.tensor([1.0, 0.75, 1.0]), atol=1e-5,
                        call="neuron_frac_explained, planted", dims="neuron")


def test_random_spectra(room):
    """Random (11, 11, 6) spectra against a loop over neurons and frequencies."""
    acts = torch.randn(11, 11, 6, generator=torch.Generator().manual_seed(fresh_seed(0)))
    freqs, fracs = _pair(room, acts, "random (11, 11, 6)")
    exp_freqs, exp_fracs = _oracle(acts)
    assert_tensor_equal(freqs, exp_freqs, call="neuron_freqs, random (11, 11, 6)", dims="neuron")
    assert_tensor_close(fracs, exp_fracs, atol=1e-5,
                        call="neuron_frac_explained, random (11, 11, 6)", dims="neuron")


def test_highest_frequency_counts(room):
    """p = 9: a neuron living on frequency 4 = p // 2, the last one (rows 7 and 8)."""
    acts = torch.zeros(9, 9, 1)
    acts[7, 8, 0], acts[0, 0, 0] = 1.0, 0.1
    freqs, fracs = _pair(room, acts, "(9, 9, 1) on frequency 4")
    assert_tensor_equal(freqs, torch.tensor([4]), call="neuron_freqs, frequency 4 of p = 9",
                        dims="neuron")


def test_grokked_neurons(room):
    """The shipped model's 256 MLP neurons (centred activations at the last position over
    every pair, 2-D transformed): against the loop oracle; the neurons explained more than
    half by one frequency cluster on the key frequencies."""
    model = grokking.load_model()
    p = model.cfg.p
    tokens, _ = grokking.all_inputs(p)
    _, cache = model.run_with_cache(tokens)
    acts = cache["post"][:, -1].reshape(p, p, -1)
    fourier_acts = fft2d(acts - acts.mean(dim=(0, 1), keepdim=True))
    freqs, fracs = _pair(room, fourier_acts, "the grokked model's neurons")
    exp_freqs, exp_fracs = _oracle(fourier_acts)
    assert_tensor_equal(freqs, exp_freqs, call="neuron_freqs, grokked model", dims="neuron")
    assert_tensor_close(fracs, exp_fracs, atol=1e-4, call="neuron_frac_explained, grokked model",
                        dims="neuron")
    keys, counts = torch.unique(freqs[fracs > 0.5], return_counts=True)
    note("neurons per frequency (more than half explained): " + ", ".join(
        f"{k}: {c}" for k, c in zip(keys.tolist(), counts.tolist())) +
        f"; {int((fracs <= 0.5).sum())} neurons below one half")
    energy = fourier_acts.pow(2).mean(-1).sqrt()
    show_picture(energy / energy.max(), "2-D Fourier components of the neurons, mean over "
                 "neurons (row x, column y component; bright = large): spots at the key "
                 "frequencies' cos/sin rows and columns")
