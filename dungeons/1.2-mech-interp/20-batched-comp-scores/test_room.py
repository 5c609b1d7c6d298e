"""Cases for get_batched_comp_scores: vs a double loop over pairs with dense matrices."""

import torch

import tiny_lens
from arena_dungeon.testing import assert_tensor_close, call, fail, note, show_picture


def _loop_oracle(W_As, W_Bs):
    dense_a, dense_b = W_As.AB, W_Bs.AB
    out = torch.zeros(dense_a.shape[0], dense_b.shape[0])
    for a in range(dense_a.shape[0]):
        for b in range(dense_b.shape[0]):
            prod = dense_a[a] @ dense_b[b]
            out[a, b] = prod.pow(2).sum().sqrt() / (dense_a[a].pow(2).sum().sqrt() * dense_b[b].pow(2).sum().sqrt())
    return out


def _random_factored(g, n, d, r):
    return tiny_lens.FactoredMatrix(torch.randn(n, d, r, generator=g), torch.randn(n, r, d, generator=g))


def _check(room, W_As, W_Bs, what):
    got = call(room.get_batched_comp_scores, W_As, W_Bs)
    if isinstance(got, tiny_lens.FactoredMatrix):
        fail(f"{what} returned a FactoredMatrix, expected a tensor of scores", kind="type")
    expected = _loop_oracle(W_As, W_Bs)
    assert_tensor_close(got, expected, call=what, dims="nA nB", atol=1e-5, rtol=1e-4)
    return got


def test_different_counts(room):
    """3 random A matrices against 5 B matrices (d 10, rank 4): a (3, 5) table."""
    g = torch.Generator().manual_seed(0)
    _check(room, _random_factored(g, 3, 10, 4), _random_factored(g, 5, 10, 4),
           "get_batched_comp_scores(W_As (3, 10, 10), W_Bs (5, 10, 10))")


def test_equal_counts_every_pair(room):
    """4 against 4: all 16 pairs, not only the 4 diagonal ones."""
    g = torch.Generator().manual_seed(1)
    _check(room, _random_factored(g, 4, 8, 3), _random_factored(g, 4, 8, 2),
           "get_batched_comp_scores(W_As (4, 8, 8), W_Bs (4, 8, 8))")


def test_scaled_matrices_same_scores(room):
    """Scaling one A and one B by 7 changes no score (each pair is normalised by its own norms)."""
    g = torch.Generator().manual_seed(2)
    W_As, W_Bs = _random_factored(g, 2, 6, 3), _random_factored(g, 3, 6, 3)
    W_As.A[1] *= 7
    W_Bs.B[0] *= 7
    _check(room, W_As, W_Bs, "get_batched_comp_scores(W_As (2, 6, 6) with W_As[1] x 7, W_Bs (3, 6, 6) with W_Bs[0] x 7)")


def test_shipped_model_k_composition(room):
    """The shipped model: layer-0 OVs against layer-1 key sides; row 0.2 stands out."""
    model = tiny_lens.load_model()
    got = _check(room, model.OV[0], model.QK[1].T, "get_batched_comp_scores(model.OV[0], model.QK[1].T)")
    show_picture((got / got.max()).clamp(0, 1), "K-composition scores: rows = layer-0 heads, columns = layer-1 heads")
    rows = "; ".join(f"0.{a}: " + " ".join(f"{v:.2f}" for v in got[a].tolist()) for a in range(got.shape[0]))
    note(f"K-composition (rows 0.0-0.3, columns 1.0-1.3): {rows}")
