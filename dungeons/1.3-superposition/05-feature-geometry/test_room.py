"""Cases for feature_norms_and_superposition: three columns by hand, orthogonal and
antipodal features, a zero column, a random batch against a loop, and 8 trained
instances drawn (WᵀW, columns in 2-D) next to the player's numbers."""

import torch

import toy_model
from arena_dungeon.testing import (assert_tensor_close, call, fail, load_asset_module, note,
                                   show_picture)

ref = load_asset_module(__file__, "reference")


def _stats(room, W, what):
    got = call(room.feature_norms_and_superposition, W)
    if not isinstance(got, tuple) or len(got) != 2:
        fail(f"feature_norms_and_superposition({what}) returned {type(got).__name__}, expected "
             "a tuple (norms, superposition)", kind="type")
    return got


def _oracle(W):
    inst, _, feats = W.shape
    norms = torch.zeros(inst, feats)
    sup = torch.zeros(inst, feats)
    for i in range(inst):
        for f in range(feats):
            norms[i, f] = W[i, :, f].norm()
            w_hat = W[i, :, f] / (W[i, :, f].norm() + 1e-5)
            sup[i, f] = sum(float(w_hat @ W[i, :, g]) ** 2 for g in range(feats) if g != f)
    return norms, sup


def _check(room, W, what, atol=1e-4):
    norms, sup = _stats(room, W, what)
    exp_norms, exp_sup = _oracle(W)
    assert_tensor_close(norms, exp_norms, call=f"norms for {what}", dims="inst feats", atol=atol)
    assert_tensor_close(sup, exp_sup, call=f"superposition for {what}", dims="inst feats",
                        atol=atol, rtol=1e-4)


def test_hand_checked_columns(room):
    """Columns (1, 0), (0, 2), (1, 1): norms [1, 2, 1.414], superposition [1, 1, 2.5]."""
    W = torch.tensor([[[1.0, 0.0, 1.0], [0.0, 2.0, 1.0]]])
    norms, sup = _stats(room, W, "columns (1, 0), (0, 2), (1, 1)")
    assert_tensor_close(norms, torch.tensor([[1.0, 2.0, 2 ** 0.5]]), dims="inst feats",
                        call="norms for columns (1, 0), (0, 2), (1, 1)", atol=1e-4)
    assert_tensor_close(sup, torch.tensor([[1.0, 1.0, 2.5]]), dims="inst feats",
                        call="superposition for columns (1, 0), (0, 2), (1, 1)", atol=1e-3)


def test_orthogonal_and_antipodal(room):
    """Instance 0: orthogonal columns (superposition 0); instance 1: an antipodal pair (-W_0 = W_1)."""
    W = torch.tensor([[[1.0, 0.0], [0.0, 1.0]], [[0.6, -0.6], [0.8, -0.8]]])
    _check(room, W, "an orthogonal pair and an antipodal pair")


def test_zero_column_no_nan(room):
    """A dropped feature (zero column): norm 0, superposition 0, nothing added to the others."""
    W = torch.tensor([[[1.0, 0.0, 0.5], [0.0, 0.0, 0.5]]])
    norms, sup = _stats(room, W, "columns (1, 0), (0, 0), (0.5, 0.5)")
    if torch.isnan(norms).any() or torch.isnan(sup).any():
        fail("a zero column gave NaN", kind="nan",
             details="Divide by the norm plus 1e-5, so 0 / 1e-5 = 0.")
    _check(room, W, "columns (1, 0), (0, 0), (0.5, 0.5)")


def test_random_instances_vs_loop(room):
    """3 instances, d_hidden 4, 6 features, random W: both results against a slow loop."""
    torch.manual_seed(0)
    _check(room, torch.randn(3, 4, 6), "a random W (3, 4, 6)")


def test_trained_instances(room):
    """8 instances trained from dense to sparse: your numbers, WᵀW and the columns, drawn."""
    W = ref.train_sweep(toy_model.ToyModel)
    norms, sup = _stats(room, W, "the trained W (8, 2, 5)")
    exp_norms, exp_sup = _oracle(W)
    assert_tensor_close(sup, exp_sup, call="superposition of the trained W", dims="inst feats",
                        atol=1e-3, rtol=1e-3)
    gram = torch.einsum("ihf,ihg->ifg", W, W)
    heat = [ref.signed_heatmap(g, cell=2, vmax=1.2) for g in gram]
    bars = [_bars(n, s) for n, s in zip(norms, sup)]
    show_picture(ref.grid([torch.cat([h, torch.zeros(10, 1, 3), b], 1) for h, b in zip(heat, bars)], 3, gap=2),
                 "per instance, dense to sparse: WᵀW (red +, blue -) and one bar per feature, "
                 "length = norm, colour = superposition (blue 0, yellow high)")
    note("superposition of the sparsest instance: " + ", ".join(f"{v:.2f}" for v in sup[-1]))


def _bars(norms, sup, h=10, w=12):
    """One 1-pixel bar per feature (every other row), length norm / 1.3 of the panel, blue
    (no superposition) to yellow."""
    img = torch.zeros(h, w, 3)
    for f in range(len(norms)):
        n = int(round(min(float(norms[f]) / 1.3, 1.0) * w))
        s = min(float(sup[f]) / 1.5, 1.0)
        img[2 * f, :n] = torch.tensor([s, 0.3 + 0.5 * s, 1.0 - s])
    return img
