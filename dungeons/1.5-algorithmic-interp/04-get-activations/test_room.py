"""Cases for get_activations and LN_hook_names. The oracle for activations is a full
run_with_cache; the oracle for hook names is behavioural: the LayerNorm module applied to
the activation at the "before" name must give the activation at the "after" name."""


import brackets
from arena_dungeon.testing import (assert_equal, assert_tensor_close, call, describe, fail,
                                   load_asset_module)

CHECKS = load_asset_module(__file__, "bracket_checks")


def _toks():
    return brackets.SimpleTokenizer().tokenize(["()()", "(()", "))((", "", "((()))()"])


def _no_hooks_left(model):
    left = [name for name, h in model.hook_dict.items() if h.fwd_hooks]
    if left:
        fail(f"after get_activations, hooks are still attached at {left[:3]}", kind="value",
             details="run_with_cache removes its hooks; hooks added with add_hook stay.")


def test_single_name_gives_a_tensor(room):
    """names = "blocks.1.attn.hook_pattern" (a str): that tensor, (batch, head, q, k)."""
    model, toks = CHECKS.random_model(0), _toks()
    _, full = model.run_with_cache(toks)
    got = call(room.get_activations, model, toks, "blocks.1.attn.hook_pattern")
    _no_hooks_left(model)
    assert_tensor_close(got, full["blocks.1.attn.hook_pattern"], dims="batch head q k",
                        call='get_activations(model, toks, "blocks.1.attn.hook_pattern")')


def test_list_keeps_only_those_names(room):
    """names = a list of 3: a cache with exactly those 3 entries, each equal to the model's."""
    model, toks = CHECKS.random_model(1), _toks()
    _, full = model.run_with_cache(toks)
    names = ["hook_embed", "blocks.0.ln2.hook_normalized", "ln_final.hook_scale"]
    got = call(room.get_activations, model, toks, names)
    label = f"get_activations(model, toks, {names})"
    if not hasattr(got, "keys"):
        fail(f"{label} returned {describe(got)}, expected an ActivationCache", kind="type")
    assert_equal(sorted(got.keys()), sorted(names), call=f"sorted({label}.keys())")
    for name in names:
        assert_tensor_close(got[name], full[name], call=f"{label}[{name!r}]")


def test_ln_hook_names_final(room):
    """LN_hook_names(model.ln_final) on a 3-layer and on a 4-layer model."""
    for n_layers in (3, 4):
        model = CHECKS.random_model(2, n_layers=n_layers)
        got = call(room.LN_hook_names, model.ln_final)
        assert_equal(tuple(got), (f"blocks.{n_layers - 1}.hook_resid_post",
                                  "ln_final.hook_normalized"),
                     call=f"LN_hook_names(model.ln_final) on a {n_layers}-layer model")


def test_ln_hook_names_inside_blocks(room):
    """Every ln1 and ln2 of a random model: the LayerNorm applied to the activation at the
    first name gives the activation at the second."""
    model, toks = CHECKS.random_model(3), _toks()
    _, cache = model.run_with_cache(toks)
    for layer, block in enumerate(model.blocks):
        for ln in (block.ln1, block.ln2):
            before, after = call(room.LN_hook_names, ln)
            label = f"LN_hook_names(model.blocks[{layer}].{ln.name.split('.')[-1]})"
            for name in (before, after):
                if name not in cache.keys():
                    fail(f"{label} gave {name!r}, which is not a hook name of this model",
                         kind="value", details="Hook names are listed in brackets.py.")
            assert_tensor_close(ln(cache[before]), cache[after], atol=1e-5,
                                call=f"{ln.name}(cache[{before!r}]) vs cache[{after!r}] "
                                f"(names from {label})")


def test_shipped_model_final_ln(room):
    """The trained model: the final LayerNorm's input and output through your two functions."""
    model = brackets.load_model()
    toks = brackets.load_data(50).toks
    before, after = call(room.LN_hook_names, model.ln_final)
    got = call(room.get_activations, model, toks, [before, after])
    _no_hooks_left(model)
    assert_tensor_close(model.ln_final(got[before]), got[after], atol=1e-5,
                        call="ln_final(get_activations(...)[before]) vs [after]",
                        dims="batch seq d_model")
