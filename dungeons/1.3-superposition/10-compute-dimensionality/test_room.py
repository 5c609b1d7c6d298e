"""Cases for compute_dimensionality: orthogonal, antipodal and unequal pairs by hand, the
regular pentagon and triangle, a zero column, a random batch against a loop; then the 8
trained instances of toy-optimize, plotted."""

import math

import torch

import toy_model
from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, fail, load_asset_module, note, show_picture

ref = load_asset_module(__file__, "reference")


def _dims(room, W, what, expected=None, atol=1e-4):
    got = call(room.compute_dimensionality, W)
    if expected is None:
        expected = _oracle(W)
    assert_tensor_close(got, expected, call=f"compute_dimensionality({what})", dims="inst feats",
                        atol=atol, rtol=1e-4)
    return got


def _oracle(W):
    inst, _, feats = W.shape
    out = torch.zeros(inst, feats)
    for i in range(inst):
        for f in range(feats):
            col = W[i, :, f]
            if col.norm() == 0:
                continue
            w_hat = col / (col.norm() + 1e-8)
            out[i, f] = col.norm() ** 2 / sum(float(w_hat @ W[i, :, g]) ** 2 for g in range(feats))
    return out


def _polygon(n):
    a = torch.arange(n) * 2 * math.pi / n
    return torch.stack([a.cos(), a.sin()])[None]


def test_hand_checked_pairs(room):
    """Instance 0: (1, 0), (0, 1) -> [1, 1]. Instance 1: (2, 0), (-1, 0) -> [0.8, 0.2]."""
    W = torch.tensor([[[1.0, 0.0], [0.0, 1.0]], [[2.0, -1.0], [0.0, 0.0]]])
    _dims(room, W, "an orthogonal pair and an unequal antipodal pair", torch.tensor([[1.0, 1.0], [0.8, 0.2]]))


def test_polygons(room):
    """Unit pentagon in 2-D: 2/5 each; triangle: 2/3 each; antipodal pair: 1/2 each."""
    _dims(room, _polygon(5), "a regular pentagon", torch.full((1, 5), 0.4))
    _dims(room, _polygon(3), "a regular triangle", torch.full((1, 3), 2 / 3))
    _dims(room, _polygon(2), "an antipodal pair", torch.full((1, 2), 0.5))


def test_zero_column(room):
    """Columns (1, 0), (0, 0), (0, 1): [1, 0, 1], no NaN."""
    W = torch.tensor([[[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]])
    got = call(room.compute_dimensionality, W)
    if isinstance(got, torch.Tensor) and torch.isnan(got).any():
        fail("a zero column gave NaN; a dropped feature has dimensionality 0", kind="nan",
             details="Clamp the denominator away from 0: the numerator is 0 there anyway.")
    _dims(room, W, "columns (1, 0), (0, 0), (0, 1)", torch.tensor([[1.0, 0.0, 1.0]]))


def test_random_vs_loop(room):
    """3 instances, d_hidden 4, 7 features, random W (one instance of size 1 too): against a loop."""
    torch.manual_seed(fresh_seed(0))
    _dims(room, torch.randn(3, 4, 7), "a random W (3, 4, 7)")
    _dims(room, torch.randn(1, 3, 5), "a random W (1, 3, 5)")


def test_trained_fractions(room):
    """The 8 trained instances of toy-optimize: the sparsest one's five features are at about 2/5."""
    W = ref.train_sweep(toy_model.ToyModel)
    got = _dims(room, W, "the trained W (8, 2, 5)", atol=1e-3)
    show_picture(_plot(got), "dimensionality of each feature (dots, by importance colour) per "
                 "instance, dense (left) to sparse; faint lines at 1, 1/2, 2/5")
    note("sparsest instance: " + ", ".join(f"{v:.2f}" for v in got[-1].tolist()))
    if ((got[-1] - 0.4).abs() > 0.08).any():
        fail(f"the sparsest instance's dimensionalities are {got[-1].tolist()}; a pentagon "
             "gives 0.4 each", kind="value")


def _plot(D, h=41, col=9):
    inst, feats = D.shape
    img = torch.zeros(h, inst * col, 3)
    for level in (1.0, 0.5, 0.4):
        img[round((1 - level) * (h - 1))] = 0.18
    for i in range(inst):
        for f in range(feats):
            y = round((1 - float(D[i, f].clamp(0, 1))) * (h - 1))
            x = i * col + 1 + f + (f > 2)
            img[y, x] = ref.PALETTE[f]
    return img
