"""Cases for PosEmbed: hand-checked rows, short sequences, independence from token values."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, assert_tensor_equal, call

N_CTX, D = 16, 32


def make(room, n_ctx=N_CTX, d_model=D, seed=0):
    cfg = room.Config(d_model=d_model, debug=False, layer_norm_eps=1e-5, d_vocab=40,
                      init_range=0.02, n_ctx=n_ctx, d_head=8, d_mlp=64, n_heads=4, n_layers=2)
    pe = room.PosEmbed(cfg)
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        pe.W_pos.copy_(torch.randn(n_ctx, d_model, generator=g))
    return pe


def test_hand_checked_rows(room):
    """W_pos = [[0, 0], [1, 1], [2, 2], [3, 3]], tokens (2, 3): rows 0, 1, 2 for both sequences."""
    pe = make(room, n_ctx=4, d_model=2)
    with torch.no_grad():
        pe.W_pos.copy_(torch.tensor([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0], [3.0, 3.0]]))
    rows = torch.tensor([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]])
    assert_tensor_equal(call(pe, torch.tensor([[3, 1, 2], [0, 0, 0]])), torch.stack([rows, rows]),
                        call="PosEmbed(tokens of shape (2, 3)) with n_ctx=4",
                        dims="batch position d_model")


def test_short_sequence_uses_first_rows(room):
    """A sequence of 5 tokens (n_ctx 16) gets W_pos[:5], shape (batch, 5, d_model)."""
    pe = make(room, seed=1)
    tokens = torch.zeros(3, 5, dtype=torch.long)
    expected = pe.W_pos.detach()[:5].expand(3, 5, D)
    assert_tensor_equal(call(pe, tokens), expected, call="PosEmbed(tokens of shape (3, 5))",
                        dims="batch position d_model")


def test_ignores_token_values(room):
    """Different token values, same shape: the same output."""
    pe = make(room, seed=2)
    g = torch.Generator().manual_seed(fresh_seed(3))
    a = torch.randint(0, 16, (2, 7), generator=g)
    b = torch.randint(0, 16, (2, 7), generator=g)
    out_a = call(pe, a)
    assert_tensor_close(call(pe, b), out_a.detach(),
                        call="PosEmbed(b) compared with PosEmbed(a) for other token values",
                        dims="batch position d_model")
    assert_tensor_equal(out_a, pe.W_pos.detach()[:7].expand(2, 7, D),
                        call="PosEmbed(random tokens (2, 7))", dims="batch position d_model")


def test_full_context_and_single_token(room):
    """position = n_ctx uses every row; position = 1 uses row 0 only."""
    pe = make(room, seed=4)
    W = pe.W_pos.detach()
    assert_tensor_equal(call(pe, torch.ones(2, N_CTX, dtype=torch.long)), W.expand(2, N_CTX, D),
                        call="PosEmbed(tokens of shape (2, 16)) with n_ctx=16",
                        dims="batch position d_model")
    assert_tensor_equal(call(pe, torch.ones(4, 1, dtype=torch.long)), W[:1].expand(4, 1, D),
                        call="PosEmbed(tokens of shape (4, 1))", dims="batch position d_model")
