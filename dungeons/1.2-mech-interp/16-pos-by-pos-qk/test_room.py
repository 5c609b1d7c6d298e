"""Cases for pos_by_pos_pattern: vs the model run with token embeddings switched off, and a slow loop."""

import copy
import math

import torch

import tiny_lens
from arena_dungeon.testing import assert_tensor_close, call, describe, fail, note, show_picture


def _random_model(seed, n_ctx=12):
    torch.manual_seed(seed)
    model = tiny_lens.HookedTransformer(tiny_lens.Config(d_vocab=20, d_model=16, d_head=4, n_heads=3,
                                                         n_ctx=n_ctx, init_range=0.5))
    for p in model.parameters():
        p.requires_grad_(False)
    model.blocks[0].attn.b_Q += 0.3  # biases exist; the pattern must ignore them
    model.blocks[1].attn.b_K -= 0.3
    return model


def _oracle_from_model_run(model, head):
    """Layer 0: run the model with W_E and the Q/K biases zeroed; the tokens then don't matter."""
    positional = copy.deepcopy(model)
    positional.embed.W_E.zero_()
    positional.blocks[0].attn.b_Q.zero_()
    positional.blocks[0].attn.b_K.zero_()
    tokens = torch.randint(0, model.cfg.d_vocab, (1, model.cfg.n_ctx), generator=torch.Generator().manual_seed(0))
    _, cache = positional.run_with_cache(tokens, names_filter="blocks.0.attn.hook_pattern")
    return cache["pattern", 0][0, head]


def _oracle_loop(model, layer, head):
    attn = model.blocks[layer].attn
    n = model.cfg.n_ctx
    q = model.W_pos @ attn.W_Q[head]
    k = model.W_pos @ attn.W_K[head]
    out = torch.zeros(n, n)
    for i in range(n):
        s = torch.stack([q[i] @ k[j] / math.sqrt(model.cfg.d_head) for j in range(i + 1)])
        out[i, : i + 1] = s.softmax(0)
    return out


def _get(room, model, layer, head):
    what = f"pos_by_pos_pattern(model, {layer}, {head})"
    got = call(room.pos_by_pos_pattern, model, layer, head)
    if isinstance(got, tiny_lens.FactoredMatrix):
        fail(f"{what} returned a FactoredMatrix, expected a plain (n_ctx, n_ctx) tensor", kind="type",
             details="W_pos @ model.QK[l, h] @ W_pos.T is still factored: take .AB before masking.")
    return what, got


def test_shape_mask_and_rows_sum_to_one(room):
    """A random model with n_ctx 7: shape (7, 7), zeros above the diagonal, rows summing to 1."""
    model = _random_model(3, n_ctx=7)
    what, got = _get(room, model, 0, 0)
    if not isinstance(got, torch.Tensor) or tuple(got.shape) != (7, 7):
        fail(f"{what} returned {describe(got)}, expected a (7, 7) tensor (n_ctx = 7)", kind="shape")
    if torch.isnan(got).any():
        fail(f"{what} contains NaN", kind="nan", details="Mask with diagonal=1, so each position still sees itself.")
    above = torch.triu(torch.ones(7, 7, dtype=torch.bool), diagonal=1)
    if got[above].abs().max() > 1e-6:
        fail(f"{what} puts attention on later positions (above the diagonal), e.g. [0, 1] = {got[0, 1]:.4g}",
             kind="value", details="Fill the scores of future keys with -inf before the softmax.")
    assert_tensor_close(got.sum(-1), torch.ones(7), call=f"{what}.sum(-1)", atol=1e-5)


def test_matches_model_with_tokens_switched_off(room):
    """Random model, head 0.1: same as the model's own layer-0 pattern with W_E and b_Q, b_K zeroed."""
    model = _random_model(0)
    what, got = _get(room, model, 0, 1)
    assert_tensor_close(got, _oracle_from_model_run(model, 1), call=what, dims="query_pos key_pos",
                        atol=1e-5, rtol=1e-4)


def test_layer_1_head_2_slow_loop(room):
    """Random model, head 1.2: against a query-by-query loop over allowed keys."""
    model = _random_model(1)
    what, got = _get(room, model, 1, 2)
    assert_tensor_close(got, _oracle_loop(model, 1, 2), call=what, dims="query_pos key_pos",
                        atol=1e-5, rtol=1e-4)


def test_previous_token_head_is_positional(room):
    """The shipped model's head 0.2: its positional pattern sits on the first sub-diagonal."""
    model = tiny_lens.load_model()
    what, got = _get(room, model, 0, 2)
    expected = _oracle_from_model_run(model, 2)
    assert_tensor_close(got, expected, call=what, dims="query_pos key_pos", atol=1e-5, rtol=1e-4)
    show_picture(got.clamp(0, 1), "head 0.2, positions only: rows = query, columns = key")
    note(f"head 0.2 positional pattern: mean of the first sub-diagonal {got.diagonal(-1).mean():.2f} "
         f"(its previous-token score on real tokens is about 0.79)")
