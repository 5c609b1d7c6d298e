"""Cases for find_K_comp_full_circuit: vs a dense token-by-token oracle, random and trained model."""

import torch

import tiny_lens
from arena_dungeon.testing import assert_equal, assert_tensor_close, call, describe, fail, note, show_picture


def _random_model(seed):
    torch.manual_seed(seed)
    model = tiny_lens.HookedTransformer(tiny_lens.Config(d_vocab=30, d_model=20, d_head=5, n_heads=3))
    for p in model.parameters():
        p.requires_grad_(False)
    return model


def _oracle(model, p, i):
    """Entry [a, b]: the query vector of token a against the key made from head 0.p's output for token b."""
    a0, a1 = model.blocks[0].attn, model.blocks[1].attn
    V = model.cfg.d_vocab
    out = torch.zeros(V, V)
    for b in range(V):
        written = model.W_E[b] @ a0.W_V[p] @ a0.W_O[p]  # what head 0.p writes when it attends to b
        key = written @ a1.W_K[i]
        out[:, b] = (model.W_E @ a1.W_Q[i]) @ key
    return out


def _check(room, model, p, i):
    what = f"find_K_comp_full_circuit(model, {p}, {i})"
    got = call(room.find_K_comp_full_circuit, model, p, i)
    if not isinstance(got, tiny_lens.FactoredMatrix):
        fail(f"{what} returned {describe(got)}, expected a tiny_lens.FactoredMatrix", kind="type")
    expected = _oracle(model, p, i)
    if tuple(got.shape) != tuple(expected.shape):
        fail(f"{what}.shape is {tuple(got.shape)}, expected {tuple(expected.shape)} (d_vocab, d_vocab)",
             kind="shape", details="Both sides start at the token embedding W_E.")
    assert_tensor_close(got.AB, expected, call=f"{what}.AB", dims="query_token key_token", atol=1e-5, rtol=1e-4)
    return got, expected


def test_matches_dense_oracle_random_model(room):
    """Random model (vocab 30, 3 heads of size 5), heads 0.1 -> 1.2."""
    _check(room, _random_model(0), 1, 2)


def test_other_head_pair(room):
    """Another random model, heads 0.2 -> 1.0 (the two indices are not swapped)."""
    _check(room, _random_model(1), 2, 0)


def test_kept_factored(room):
    """The hidden dim is d_head: the circuit is never built in full."""
    model = _random_model(2)
    got, _ = _check(room, model, 0, 1)
    assert_equal(got.mdim, model.cfg.d_head, call="find_K_comp_full_circuit(model, 0, 1).mdim")


def test_trained_model_prev_to_induction(room):
    """The shipped model, 0.2 -> 1.3: a query at token a prefers keys whose previous token was a."""
    model = tiny_lens.load_model()
    _, expected = _check(room, model, 2, 3)
    hits = (expected.argmax(dim=1) == torch.arange(expected.shape[0])).float().mean().item()
    z = (expected - expected.mean(1, keepdim=True)) / expected.std(1, keepdim=True)
    show_picture(((z + 3) / 6).clamp(0, 1), "K-composition 0.2 -> 1.3, rows = query token, columns = key's previous token (row-standardised)")
    note(f"0.2 -> 1.3: in {hits:.0%} of rows the largest entry is on the diagonal (query token = key's previous token)")
