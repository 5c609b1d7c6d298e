"""Cases for get_WOV and get_pre_21_dir. get_WOV is checked by what it does: a head's
output is its pattern times (LayerNorm'd residual @ W_OV), plus b_V @ W_O. get_pre_21_dir
against an oracle built with the normal equations, compared on the data it was fit on."""


import brackets
import bracket_tools
from arena_dungeon.testing import assert_shape, assert_tensor_close, call, load_asset_module, note

CHECKS = load_asset_module(__file__, "bracket_checks")


def _check_wov(room, model, layer, head, label):
    got = call(room.get_WOV, model, layer, head)
    d = model.cfg.d_model
    assert_shape(got, (d, d), call=label, dims="d_model d_model")
    data = CHECKS.random_data(layer * 10 + head, n=6)
    _, cache = model.run_with_cache(data.toks)
    x = cache["normalized", layer, "ln1"]  # (batch, seq, d_model): what the head reads
    attn = model.blocks[layer].attn
    pattern = cache["pattern", layer][:, head]  # (batch, q, k)
    expected = cache["result", layer][:, :, head]  # (batch, q, d_model)
    rebuilt = pattern @ (x @ got + attn.b_V[head] @ attn.W_O[head])
    assert_tensor_close(rebuilt, expected, atol=1e-4, call=f"pattern @ (ln1 output @ {label} "
                        "+ b_V @ W_O) vs the head's output", dims="batch q d_model")


def test_wov_random_model(room):
    """A random model, head 1.0: the head's cached output rebuilt through your W_OV."""
    _check_wov(room, CHECKS.random_model(0), 1, 0, "get_WOV(model, 1, 0)")


def test_wov_other_head_and_shape(room):
    """A 4-layer, 3-head model with d_head 8, head 2.1: W_OV is (24, 24) of rank 8."""
    model = CHECKS.random_model(1, n_layers=4, n_heads=3, d_head=8, d_model=24)
    _check_wov(room, model, 2, 1, "get_WOV(4-layer model, 2, 1)")


def _pre_21_oracle(model, data):
    _, cache = model.run_with_cache(data.toks)
    x = cache["resid_pre", 2].flatten(0, 1)
    y = cache["normalized", 2, "ln1"].flatten(0, 1)
    _, coef = CHECKS.lstsq_predictions(x, y)
    wov = (model.W_V[2, 1] @ model.W_O[2, 1]).double()
    v = bracket_tools.get_pre_final_ln_dir(model, data).double()
    return x.double(), x.double() @ (coef[:-1] @ wov @ v)


def _check_pre_21(room, model, data, label):
    got = call(room.get_pre_21_dir, model, data)
    x, expected = _pre_21_oracle(model, data)
    CHECKS.check_direction(got, x, expected, model.cfg.d_model, label,
                           "every position of blocks.2.hook_resid_pre")
    return got, x


def test_pre_21_dir_random_model(room):
    """A random model, 60 random strings."""
    _check_pre_21(room, CHECKS.random_model(2), CHECKS.random_data(2, n=60),
                  "get_pre_21_dir(random model, data)")


def test_pre_21_dir_shipped_model(room):
    """The trained model, 200 strings."""
    model, data = brackets.load_model(), brackets.load_data(200)
    got, _ = _check_pre_21(room, model, data, "get_pre_21_dir(load_model(), data)")
    _, cache = model.run_with_cache(data.toks)
    at_1 = cache["resid_pre", 2][:, 1].double() @ got.double()
    note(f"blocks.2.hook_resid_pre at position 1, along get_pre_21_dir: balanced "
         f"{at_1[data.isbal].mean():+.2f}, unbalanced {at_1[~data.isbal].mean():+.2f}")
