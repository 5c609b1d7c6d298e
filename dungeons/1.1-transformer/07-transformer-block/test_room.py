"""Cases for TransformerBlock: vs a functional oracle, silent sublayers, causality."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, load_asset_module

ref = load_asset_module(__file__, "reference")  # shared oracles and helpers
CFG, D = ref.CFG, ref.D
attn_spec, mlp_spec, ln_spec = ref.attn_spec, ref.mlp_spec, ref.ln_spec
random_params, load, ref_block = ref.random_params, ref.load, ref.ref_block


def block_spec():
    return {**ln_spec("ln1."), **attn_spec("attn."), **ln_spec("ln2."), **mlp_spec("mlp.")}


def make(room, seed):
    block = room.TransformerBlock(room.Config(**CFG))
    params = random_params(block_spec(), seed)
    load(block, params)
    return block, params


def test_matches_reference_block(room):
    """Random weights: the same output as a functional pre-LN block built from torch built-ins."""
    block, p = make(room, 0)
    x = torch.randn(2, 7, D, generator=torch.Generator().manual_seed(fresh_seed(1))) * 2
    assert_tensor_close(call(block, x), ref_block(p, x), call="TransformerBlock(x of shape (2, 7, 32))",
                        dims="batch position d_model", atol=1e-4, rtol=1e-3)


def test_silent_sublayers_leave_the_stream_unchanged(room):
    """W_O, b_O, W_out, b_out all zero: both sublayers add 0, so the block is the identity."""
    block, _ = make(room, 2)
    with torch.no_grad():
        for tensor in (block.attn.W_O, block.attn.b_O, block.mlp.W_out, block.mlp.b_out):
            tensor.zero_()
    x = torch.randn(2, 5, D, generator=torch.Generator().manual_seed(fresh_seed(3))) * 3 + 1
    assert_tensor_close(call(block, x), x, call="TransformerBlock(x) with silent sublayers",
                        dims="batch position d_model", atol=1e-6)


def test_each_sublayer_has_its_own_layernorm(room):
    """ln1 feeds the attention and ln2 the MLP: very different ln2 weights must matter."""
    block, p = make(room, 4)
    with torch.no_grad():
        block.ln2.w.mul_(3.0)
        block.ln2.b.add_(0.5)
    p = {**p, "ln2.w": block.ln2.w.detach().clone(), "ln2.b": block.ln2.b.detach().clone()}
    x = torch.randn(1, 6, D, generator=torch.Generator().manual_seed(fresh_seed(5)))
    assert_tensor_close(call(block, x), ref_block(p, x), call="TransformerBlock(x) with a distinct ln2",
                        dims="batch position d_model", atol=1e-4, rtol=1e-3)


def test_later_tokens_do_not_change_earlier_outputs(room):
    """Changing positions 3.. leaves the block's outputs at positions 0..2 unchanged."""
    block, p = make(room, 6)
    g = torch.Generator().manual_seed(fresh_seed(7))
    x = torch.randn(1, 8, D, generator=g)
    y = x.clone()
    y[0, 3:] = torch.randn(5, D, generator=g)
    out_x, out_y = call(block, x), call(block, y)
    assert_tensor_close(out_y[:, :3], out_x[:, :3].detach(),
                        call="TransformerBlock(x)[:, :3] after changing x[:, 3:]", atol=1e-5)
    assert_tensor_close(out_y, ref_block(p, y), call="TransformerBlock(y)",
                        dims="batch position d_model", atol=1e-4, rtol=1e-3)
