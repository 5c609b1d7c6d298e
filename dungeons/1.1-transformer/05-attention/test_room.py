"""Cases for Attention.forward: vs scaled_dot_product_attention, causality, hand-checkable patterns."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, fail, load_asset_module

ref = load_asset_module(__file__, "reference")  # shared oracles and helpers
CFG, D = ref.CFG, ref.D
attn_spec, random_params, load, ref_attention = (
    ref.attn_spec, ref.random_params, ref.load, ref.ref_attention)


def make(room, seed):
    attn = room.Attention(room.Config(**CFG))
    params = random_params(attn_spec(), seed)
    load(attn, params)
    return attn, params


def test_output_shape(room):
    """(2, 5, d_model) in, (2, 5, d_model) out, for a sequence shorter than n_ctx."""
    attn, _ = make(room, 0)
    x = torch.randn(2, 5, D, generator=torch.Generator().manual_seed(fresh_seed(1)))
    assert_tensor_close(call(attn, x), torch.zeros(2, 5, D), call="Attention(x of shape (2, 5, 32))",
                        dims="batch posn d_model", atol=1e9, rtol=0)


def test_matches_reference_attention(room):
    """Random weights and biases: the same output as torch's causal scaled_dot_product_attention."""
    attn, p = make(room, 2)
    x = torch.randn(3, 9, D, generator=torch.Generator().manual_seed(fresh_seed(3)))
    assert_tensor_close(call(attn, x), ref_attention(p, x), call="Attention(x of shape (3, 9, 32))",
                        dims="batch posn d_model", atol=1e-4, rtol=1e-3)


def test_zero_queries_average_the_past_values(room):
    """W_Q = b_Q = 0: every score is 0, so query i averages the values of positions 0..i."""
    attn, p = make(room, 4)
    with torch.no_grad():
        attn.W_Q.zero_()
        attn.b_Q.zero_()
    x = torch.randn(2, 6, D, generator=torch.Generator().manual_seed(fresh_seed(5)))
    v = torch.einsum("bpd,hde->bphe", x, p["W_V"]) + p["b_V"]
    counts = torch.arange(1, 7, dtype=torch.float32)[None, :, None, None]
    z = v.cumsum(dim=1) / counts
    expected = torch.einsum("bphe,hed->bpd", z, p["W_O"]) + p["b_O"]
    assert_tensor_close(call(attn, x), expected, call="Attention(x) with W_Q = 0, b_Q = 0",
                        dims="batch posn d_model", atol=1e-4, rtol=1e-3)


def test_first_position_reads_only_itself(room):
    """Position 0 has one key (itself): its output is its own value through W_O, plus b_O."""
    attn, p = make(room, 6)
    x = torch.randn(2, 5, D, generator=torch.Generator().manual_seed(fresh_seed(7)))
    out = call(attn, x)
    if not isinstance(out, torch.Tensor) or out.shape != x.shape:
        assert_tensor_close(out, ref_attention(p, x), call="Attention(x)", dims="batch posn d_model")
    v0 = torch.einsum("bd,hde->bhe", x[:, 0], p["W_V"]) + p["b_V"]
    expected = torch.einsum("bhe,hed->bd", v0, p["W_O"]) + p["b_O"]
    assert_tensor_close(out[:, 0], expected, call="Attention(x)[:, 0]", dims="batch d_model",
                        atol=1e-4, rtol=1e-3)


def test_later_tokens_do_not_change_earlier_outputs(room):
    """Changing the input at position 4 leaves outputs 0..3 untouched (and changes 4..7)."""
    attn, _ = make(room, 8)
    g = torch.Generator().manual_seed(fresh_seed(9))
    x = torch.randn(1, 8, D, generator=g)
    y = x.clone()
    y[0, 4:] = torch.randn(4, D, generator=g)
    out_x, out_y = call(attn, x), call(attn, y)
    if isinstance(out_x, torch.Tensor) and not torch.isfinite(out_x).all():
        fail("Attention(x) returned inf or NaN: is the mask applied after the softmax, or the "
             "diagonal masked?", kind="nan")
    assert_tensor_close(out_y[:, :4], out_x[:, :4].detach(),
                        call="Attention(x)[:, :4] after changing x[:, 4:]", dims="batch posn d_model",
                        atol=1e-5, rtol=1e-4)
    if torch.allclose(out_y[:, 4], out_x[:, 4]):
        fail("changing the input at position 4 did not change the output at position 4: "
             "a position must be able to attend to itself", kind="value")
