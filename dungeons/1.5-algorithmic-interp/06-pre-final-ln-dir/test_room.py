"""Cases for get_pre_final_ln_dir. The oracle fits ln_final at position 0 by the normal
equations (float64); directions are compared by what they give on the data (x . v for the
final LayerNorm's inputs x), since a fitted W is ill-determined where the data never goes."""


import brackets
from arena_dungeon.testing import assert_tensor_close, call, load_asset_module, note

CHECKS = load_asset_module(__file__, "bracket_checks")


def _inputs_and_oracle(model, data):
    """x: ln_final's inputs at position 0 (n, d); the oracle's x . v (n,)."""
    _, cache = model.run_with_cache(data.toks)
    x = cache[f"blocks.{model.cfg.n_layers - 1}.hook_resid_post"][:, 0].double()
    y = cache["ln_final.hook_normalized"][:, 0].double()
    _, coef = CHECKS.lstsq_predictions(x, y)
    post = (model.W_U[:, 0] - model.W_U[:, 1]).double()
    return x, x @ (coef[:-1] @ post)


def _check(room, model, data, label):
    got = call(room.get_pre_final_ln_dir, model, data)
    x, expected = _inputs_and_oracle(model, data)
    CHECKS.check_direction(got, x, expected, model.cfg.d_model, label,
                           "ln_final's input at position 0")
    return got, x


def test_random_model(room):
    """A random model (seed 0), 150 random strings."""
    _check(room, CHECKS.random_model(0), CHECKS.random_data(0, n=150),
           "get_pre_final_ln_dir(random model, data)")


def test_other_random_model(room):
    """Another random model (seed 1) and other strings."""
    _check(room, CHECKS.random_model(1), CHECKS.random_data(1, n=90),
           "get_pre_final_ln_dir(random model 2, data)")


def test_tracks_the_logit_difference(room):
    """The shipped model, 300 strings: x . v follows the model's own logit difference up to
    a constant (within 15% of its spread)."""
    model, data = brackets.load_model(), brackets.load_data(300)
    got, x = _check(room, model, data, "get_pre_final_ln_dir(load_model(), data)")
    logits = model(data.toks)[:, 0]
    diff = (logits[:, 0] - logits[:, 1]).double()
    proj = x @ got.double()
    offset = (diff - proj).mean()
    assert_tensor_close((proj + offset).float(), diff.float(), atol=0.15 * diff.std().item(),
                        call="x . v + a constant vs the model's logit difference", dims="string")


def test_shipped_model(room):
    """The trained model, 400 held-out strings."""
    model, data = brackets.load_model(), brackets.load_data(400)
    got, x = _check(room, model, data, "get_pre_final_ln_dir(load_model(), data)")
    proj = x @ got.double()
    note(f"x . v on the shipped model: balanced strings {proj[data.isbal].mean():+.1f} on "
         f"average, unbalanced {proj[~data.isbal].mean():+.1f}")
