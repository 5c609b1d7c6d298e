"""Cases for get_ln_fit. The oracle solves the same least-squares problem through the
normal equations in float64 (a different method from lstsq), and the fits are compared by
their predictions (W itself is ill-determined along directions the data never uses)."""


import brackets
from arena_dungeon.testing import (assert_number_close, assert_shape, assert_tensor_close, call,
                                   describe, fail, load_asset_module, note)

CHECKS = load_asset_module(__file__, "bracket_checks")


def _oracle(x, y):
    """x, y (n, d) -> the least-squares fitted values (n, d) and the per-feature mean r2."""
    pred, _ = CHECKS.lstsq_predictions(x, y)
    y = y.double()
    return pred, (1 - (y - pred).pow(2).sum(0) / (y - y.mean(0)).pow(2).sum(0)).mean().item()


def _check(room, model, data, layernorm, before, seq_pos, label):
    """before: the hook name of the LayerNorm's input (its output is <name>.hook_normalized)."""
    got = call(room.get_ln_fit, model, data, layernorm, seq_pos)
    if not isinstance(got, tuple) or len(got) != 3:
        fail(f"{label} returned {describe(got)}, expected a tuple (W, b, r2)", kind="type")
    W, b, r2 = got
    d = model.cfg.d_model
    assert_shape(W, (d, d), call=f"{label}[0] (W)", dims="d_model_in d_model_out")
    assert_shape(b, (d,), call=f"{label}[1] (b)", dims="d_model")
    _, cache = model.run_with_cache(data.toks)
    x, y = cache[before], cache[f"{layernorm.name}.hook_normalized"]
    x, y = (x.flatten(0, 1), y.flatten(0, 1)) if seq_pos is None else (x[:, seq_pos], y[:, seq_pos])
    expected_pred, expected_r2 = _oracle(x, y)
    pred = x.double() @ W.double() + b.double()
    assert_tensor_close(pred.float(), expected_pred.float(), atol=2e-3, rtol=1e-3,
                        call=f"input @ W + b for {label}", dims="sample d_model")
    assert_number_close(r2, expected_r2, atol=1e-4, call=f"{label}[2] (r2)")
    return expected_r2


def test_final_ln_at_position_0(room):
    """A random model, 120 strings, ln_final at seq_pos=0."""
    model, data = CHECKS.random_model(1), CHECKS.random_data(1)
    _check(room, model, data, model.ln_final, "blocks.2.hook_resid_post", 0,
           "get_ln_fit(model, data, model.ln_final, 0)")


def test_block_ln_at_every_position(room):
    """blocks[1].ln2 with seq_pos=None: all (string, position) pairs are samples."""
    model, data = CHECKS.random_model(2), CHECKS.random_data(2, n=60)
    _check(room, model, data, model.blocks[1].ln2, "blocks.1.hook_resid_mid", None,
           "get_ln_fit(model, data, model.blocks[1].ln2, seq_pos=None)")


def test_another_position(room):
    """blocks[0].ln1 at seq_pos=3 (not position 0)."""
    model, data = CHECKS.random_model(3), CHECKS.random_data(3)
    _check(room, model, data, model.blocks[0].ln1, "blocks.0.hook_resid_pre", 3,
           "get_ln_fit(model, data, model.blocks[0].ln1, seq_pos=3)")


def test_shipped_model(room):
    """The trained model, 400 held-out strings: ln_final at position 0, and blocks[1].ln1
    over every position."""
    model, data = brackets.load_model(), brackets.load_data(400)
    r2_final = _check(room, model, data, model.ln_final, "blocks.2.hook_resid_post", 0,
                      "get_ln_fit(load_model(), data, ln_final, seq_pos=0)")
    r2_block = _check(room, model, data[:150], model.blocks[1].ln1, "blocks.1.hook_resid_pre", None,
                      "get_ln_fit(load_model(), data, blocks[1].ln1, seq_pos=None)")
    note(f"r2 of the affine fit: ln_final at position 0 {r2_final:.4f}; "
         f"blocks[1].ln1 over all positions {r2_block:.4f}")
