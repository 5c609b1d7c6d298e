"""Cases for Embed: a hand-checked lookup, shape, torch's embedding on random ids."""

import torch
import torch.nn.functional as F

from arena_dungeon.testing import fresh_seed, assert_tensor_close, assert_tensor_equal, call

V, D = 40, 32


def make(room, d_vocab=V, d_model=D, seed=0):
    cfg = room.Config(d_model=d_model, debug=False, layer_norm_eps=1e-5, d_vocab=d_vocab,
                      init_range=0.02, n_ctx=16, d_head=8, d_mlp=64, n_heads=4, n_layers=2)
    emb = room.Embed(cfg)
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        emb.W_E.copy_(torch.randn(d_vocab, d_model, generator=g))
    return emb


def test_hand_checked_lookup(room):
    """W_E = [[0, 0], [1, 1], [2, 2]] and tokens [[2, 0]] give [[[2, 2], [0, 0]]]."""
    emb = make(room, d_vocab=3, d_model=2)
    with torch.no_grad():
        emb.W_E.copy_(torch.tensor([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]]))
    assert_tensor_equal(call(emb, torch.tensor([[2, 0]])), torch.tensor([[[2.0, 2.0], [0.0, 0.0]]]),
                        call="Embed(tokens=[[2, 0]])", dims="batch position d_model")


def test_output_shape_batch_position_d_model(room):
    """tokens (3, 5) give (3, 5, d_model): batch and position stay in front."""
    emb = make(room)
    tokens = torch.arange(15).reshape(3, 5)
    out = call(emb, tokens)
    assert_tensor_close(out, torch.zeros(3, 5, D), call="Embed(tokens of shape (3, 5))",
                        dims="batch position d_model", atol=1e9, rtol=0)


def test_matches_torch_embedding(room):
    """Random ids (repeats included) against F.embedding with the same W_E."""
    emb = make(room, seed=1)
    g = torch.Generator().manual_seed(fresh_seed(2))
    tokens = torch.randint(0, V, (4, 9), generator=g)
    expected = F.embedding(tokens, emb.W_E.detach())
    assert_tensor_equal(call(emb, tokens), expected, call="Embed(random tokens (4, 9))",
                        dims="batch position d_model")


def test_same_token_same_vector(room):
    """The same id in different places gets the same row, the highest id included."""
    emb = make(room, seed=3)
    tokens = torch.tensor([[V - 1, 5, V - 1], [5, 0, V - 1]])
    out = call(emb, tokens)
    W = emb.W_E.detach()
    expected = torch.stack([torch.stack([W[V - 1], W[5], W[V - 1]]),
                            torch.stack([W[5], W[0], W[V - 1]])])
    assert_tensor_equal(out, expected, call="Embed([[39, 5, 39], [5, 0, 39]])",
                        dims="batch position d_model")
