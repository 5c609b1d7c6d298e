"""Cases for MLP: tanh-GELU on identity wiring, vs an F.linear oracle, position-wise."""

import math

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, load_asset_module

ref = load_asset_module(__file__, "reference")  # shared oracles and helpers
CFG, D = ref.CFG, ref.D
mlp_spec, random_params, load, ref_mlp = ref.mlp_spec, ref.random_params, ref.load, ref.ref_mlp


def make(room, seed, **cfg):
    mlp = room.MLP(room.Config(**{**CFG, **cfg}))
    if seed is None:
        return mlp, None
    params = random_params(mlp_spec(), seed)
    load(mlp, params)
    return mlp, params


def tanh_gelu(x):
    """GPT-2's GELU written out: 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))."""
    return 0.5 * x * (1 + torch.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))


def test_identity_wiring_gives_tanh_gelu(room):
    """d_mlp = d_model, W_in = W_out = I, zero biases: MLP(x) is GPT-2's tanh GELU of x."""
    mlp, _ = make(room, None, d_mlp=D)
    with torch.no_grad():
        mlp.W_in.copy_(torch.eye(D))
        mlp.W_out.copy_(torch.eye(D))
        mlp.b_in.zero_()
        mlp.b_out.zero_()
    x = torch.linspace(-4, 4, 2 * 3 * D).reshape(2, 3, D)
    assert_tensor_close(call(mlp, x), tanh_gelu(x), call="MLP(x) with identity weights",
                        dims="batch posn d_model", atol=2e-6, rtol=1e-5)


def test_output_shape(room):
    """(2, 5, d_model) in, (2, 5, d_model) out, with d_mlp = 2 d_model in between."""
    mlp, _ = make(room, 0)
    x = torch.randn(2, 5, D, generator=torch.Generator().manual_seed(fresh_seed(1)))
    assert_tensor_close(call(mlp, x), torch.zeros(2, 5, D), call="MLP(x of shape (2, 5, 32))",
                        dims="batch posn d_model", atol=1e9, rtol=0)


def test_matches_reference_mlp(room):
    """Random weights and biases: the same output as an F.linear / F.gelu oracle."""
    mlp, p = make(room, 2)
    x = torch.randn(3, 7, D, generator=torch.Generator().manual_seed(fresh_seed(3)))
    assert_tensor_close(call(mlp, x), ref_mlp(p, x), call="MLP(x of shape (3, 7, 32))",
                        dims="batch posn d_model", atol=1e-4, rtol=1e-3)


def test_each_position_on_its_own(room):
    """Changing one position's input changes that position's output only."""
    mlp, p = make(room, 4)
    g = torch.Generator().manual_seed(fresh_seed(5))
    x = torch.randn(1, 6, D, generator=g)
    y = x.clone()
    y[0, 2] = torch.randn(D, generator=g)
    out_x, out_y = call(mlp, x), call(mlp, y)
    keep = [0, 1, 3, 4, 5]
    assert_tensor_close(out_y[:, keep], out_x[:, keep].detach(),
                        call="MLP(x) at the positions that did not change", atol=1e-6)
    assert_tensor_close(out_y, ref_mlp(p, y), call="MLP(y)", dims="batch posn d_model",
                        atol=1e-4, rtol=1e-3)
