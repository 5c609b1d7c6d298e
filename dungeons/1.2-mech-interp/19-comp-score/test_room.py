"""Cases for get_comp_score: hand examples, random matrices vs sums of squares, the shipped model."""

import math

import torch

import tiny_lens
from arena_dungeon.testing import assert_number_close, call, describe, fail, note


def _frob(m):
    return math.sqrt(sum(float(x) ** 2 for x in m.flatten()))


def _oracle(W_A, W_B):
    return _frob(W_A @ W_B) / (_frob(W_A) * _frob(W_B))


def _check(room, W_A, W_B, what):
    got = call(room.get_comp_score, W_A, W_B)
    if not isinstance(got, float):
        fail(f"{what} returned {describe(got)}, expected a Python float", kind="type",
             details="Turn a one-element tensor into a float with .item().")
    assert_number_close(got, _oracle(W_A, W_B), call=what, atol=1e-6, rtol=1e-4)
    return got


def test_orthogonal_and_identical_directions(room):
    """diag(1, 0) then diag(0, 1) scores 0; diag(1, 0) twice scores 1."""
    a, b = torch.diag(torch.tensor([1.0, 0.0])), torch.diag(torch.tensor([0.0, 1.0]))
    _check(room, a, b, "get_comp_score(diag(1, 0), diag(0, 1))")
    _check(room, a, a.clone(), "get_comp_score(diag(1, 0), diag(1, 0))")


def test_random_matrices_order_matters(room):
    """Random 8 x 8 matrices of different ranks: W_A @ W_B, in that order."""
    g = torch.Generator().manual_seed(0)
    W_A = torch.randn(8, 3, generator=g) @ torch.randn(3, 8, generator=g)
    W_B = torch.randn(8, 8, generator=g) * torch.linspace(0.1, 3, 8)
    _check(room, W_A, W_B, "get_comp_score(W_A (8, 8) rank 3, W_B (8, 8))")


def test_scale_free(room):
    """Scaling either matrix leaves the score unchanged."""
    g = torch.Generator().manual_seed(1)
    W_A, W_B = torch.randn(6, 6, generator=g), torch.randn(6, 6, generator=g)
    s1 = _check(room, W_A, W_B, "get_comp_score(W_A, W_B)")
    s2 = _check(room, W_A * 10, W_B * 0.1, "get_comp_score(10 * W_A, 0.1 * W_B)")
    assert_number_close(s2, s1, call="get_comp_score(10 * W_A, 0.1 * W_B) vs get_comp_score(W_A, W_B)", rtol=1e-4)


def test_previous_token_head_into_induction_keys(room):
    """The shipped model: 0.2's OV against 1.3's key side (W_K W_Q^T)."""
    model = tiny_lens.load_model()
    W_A = model.W_V[0, 2] @ model.W_O[0, 2]
    W_B = model.W_K[1, 3] @ model.W_Q[1, 3].T
    score = _check(room, W_A, W_B, "get_comp_score(OV of 0.2, W_K W_Q^T of 1.3)")
    note(f"K-composition 0.2 -> 1.3: {score:.3f} (random 64 x 64 matrices give about {1 / 8:.3f})")
