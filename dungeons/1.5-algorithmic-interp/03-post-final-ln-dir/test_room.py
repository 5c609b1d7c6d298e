"""Cases for get_post_final_ln_dir: against W_U @ [1, -1], and behaviourally: the final
LayerNorm's output . direction + (b_U[0] - b_U[1]) must be the model's logit difference
(unbalanced - balanced)."""

import torch

import brackets
from arena_dungeon.testing import assert_tensor_close, call, load_asset_module, note

CHECKS = load_asset_module(__file__, "bracket_checks")


def _logit_diff_via_direction(model, direction, toks):
    _, cache = model.run_with_cache(toks, names_filter="ln_final.hook_normalized")
    final = cache["ln_final.hook_normalized"][:, 0]  # (batch, d_model)
    return final @ direction + model.b_U[0] - model.b_U[1]


def _toks():
    return brackets.SimpleTokenizer().tokenize(["()()", "(()", "))((", "", "((()))()"])


def test_random_model_weights(room):
    """A random model (seed 0): the direction built from its W_U columns."""
    model = CHECKS.random_model(0)
    got = call(room.get_post_final_ln_dir, model)
    W_U = model.unembed.W_U
    assert_tensor_close(got, W_U @ torch.tensor([1.0, -1.0]), call="get_post_final_ln_dir("
                        "random model)", dims="d_model")


def test_gives_the_logit_difference(room):
    """Another random model (seed 1), 5 strings: final-LN output . direction + bias
    difference equals logits[:, 0, 0] - logits[:, 0, 1]."""
    model = CHECKS.random_model(1)
    toks = _toks()
    got = _logit_diff_via_direction(model, call(room.get_post_final_ln_dir, model), toks)
    logits = model(toks)[:, 0]
    assert_tensor_close(got, logits[:, 0] - logits[:, 1], atol=1e-4,
                        call="ln_final output @ get_post_final_ln_dir(model) + b_U[0] - b_U[1]",
                        dims="batch")


def test_other_width(room):
    """A random model with d_model 24 (4 heads of 6): nothing may be hard-coded."""
    model = CHECKS.random_model(2, d_model=24, n_heads=4, d_head=6, d_mlp=32)
    got = call(room.get_post_final_ln_dir, model)
    assert_tensor_close(got, model.unembed.W_U @ torch.tensor([1.0, -1.0]),
                        call="get_post_final_ln_dir(random model, d_model 24)", dims="d_model")


def test_shipped_model(room):
    """The trained classifier on 200 held-out strings: the direction reproduces the logit
    difference it uses to classify."""
    model = brackets.load_model()
    data = brackets.load_data(200)
    direction = call(room.get_post_final_ln_dir, model)
    got = _logit_diff_via_direction(model, direction, data.toks)
    logits = model(data.toks)[:, 0]
    assert_tensor_close(got, logits[:, 0] - logits[:, 1], atol=1e-3,
                        call="ln_final output @ get_post_final_ln_dir(load_model()) + bias "
                        "difference, 200 strings", dims="batch")
    note(f"|direction| = {direction.norm():.2f}; mean logit difference: balanced strings "
         f"{got[data.isbal].mean():+.2f}, unbalanced {got[~data.isbal].mean():+.2f}")
