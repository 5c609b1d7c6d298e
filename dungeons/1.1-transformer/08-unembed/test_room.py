"""Cases for Unembed: one-hot rows, shape, vs F.linear, bias included."""

import torch
import torch.nn.functional as F

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, load_asset_module

ref = load_asset_module(__file__, "reference")  # shared oracles and helpers
CFG, D, V = ref.CFG, ref.D, ref.V
random_params, load = ref.random_params, ref.load


def make(room, seed):
    un = room.Unembed(room.Config(**CFG))
    params = random_params({"W_U": (D, V), "b_U": (V,)}, seed)
    load(un, params)
    return un, params


def test_one_hot_feature_reads_a_row_of_w_u(room):
    """x = one-hot feature 5 at one position: logits are W_U[5] + b_U."""
    un, p = make(room, 0)
    x = torch.zeros(1, 1, D)
    x[0, 0, 5] = 1.0
    expected = (p["W_U"][5] + p["b_U"]).reshape(1, 1, V)
    assert_tensor_close(call(un, x), expected, call="Unembed(one-hot feature 5)",
                        dims="batch posn d_vocab", atol=1e-5)


def test_output_shape_batch_posn_d_vocab(room):
    """(2, 3, d_model=32) in, (2, 3, d_vocab=40) out."""
    un, _ = make(room, 1)
    x = torch.randn(2, 3, D, generator=torch.Generator().manual_seed(fresh_seed(2)))
    assert_tensor_close(call(un, x), torch.zeros(2, 3, V), call="Unembed(x of shape (2, 3, 32))",
                        dims="batch posn d_vocab", atol=1e9, rtol=0)


def test_matches_f_linear(room):
    """Random x, W_U, b_U: the same as F.linear(x, W_U.T, b_U)."""
    un, p = make(room, 3)
    x = torch.randn(4, 6, D, generator=torch.Generator().manual_seed(fresh_seed(4)))
    assert_tensor_close(call(un, x), F.linear(x, p["W_U"].T, p["b_U"]),
                        call="Unembed(x of shape (4, 6, 32))", dims="batch posn d_vocab",
                        atol=1e-4, rtol=1e-3)


def test_zero_input_gives_the_bias(room):
    """x = 0: every position's logits are exactly b_U (raw logits, no softmax)."""
    un, p = make(room, 5)
    out = call(un, torch.zeros(2, 4, D))
    assert_tensor_close(out, p["b_U"].expand(2, 4, V), call="Unembed(zeros)",
                        dims="batch posn d_vocab", atol=1e-6)
