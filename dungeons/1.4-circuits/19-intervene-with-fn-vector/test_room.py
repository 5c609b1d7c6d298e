"""Cases for intervene_with_fn_vector: random untrained models against a generation oracle,
and the generation model continuing the task that a function vector gave it."""

import icl_tasks as icl
from arena_dungeon.testing import assert_equal, call, fail, fresh_seed, load_asset_module, note

ref = load_asset_module(__file__, "icl_reference")


def _check(room, model, word, layer, fv, label, template="{x} ->", n_tokens=5):
    prompt = icl.tokenize(template.format(x=word))
    expected = (ref.generate_adding(model, prompt, n_tokens),
                ref.generate_adding(model, prompt, n_tokens, layer, fv))
    got = call(room.intervene_with_fn_vector, model, word, layer, fv, prompt_template=template,
               n_tokens=n_tokens)
    if not (isinstance(got, tuple) and len(got) == 2):
        fail(f"intervene_with_fn_vector({label}) returned {type(got).__name__}, not a pair of "
             "strings", kind="type")
    assert_equal(got[0], expected[0], call=f"intervene_with_fn_vector({label})[0] (plain)")
    assert_equal(got[1], expected[1], call=f"intervene_with_fn_vector({label})[1] (with the vector)")
    return got


def _vector(model, word, layer, seed):
    return ref.scaled_vector(model, icl.tokenize(f"{word} ->")[None], f"blocks.{layer}.hook_resid_post",
                             fresh_seed(seed), scale=0.6)


def test_random_model_one_token(room):
    """Random 2-layer model, four words, a random vector after block 1, one token."""
    model = ref.random_model(fresh_seed(51))
    for word in ["k", "a", "s", "y"]:
        _check(room, model, word, 1, _vector(model, word, 1, 52), f"random model, {word!r}, layer=1, n_tokens=1",
               n_tokens=1)


def test_random_model_several_tokens(room):
    """Random 2-layer model, 7 tokens: the vector stays at the prompt's last position while
    the sequence grows."""
    model = ref.random_model(fresh_seed(53))
    for word in ["c", "p", "x"]:
        _check(room, model, word, 0, _vector(model, word, 0, 54), f"random model, {word!r}, layer=0, n_tokens=7",
               n_tokens=7)


def test_another_template(room):
    """Random 3-layer model, prompt_template 'a -> b , {x} ->' (one example first)."""
    model = ref.random_model(fresh_seed(55), n_layers=3, n_heads=2)
    _check(room, model, "m", 1, _vector(model, "m", 1, 56), "random 3-layer model, 'm', template "
           "'a -> b , {x} ->', layer=1", template="a -> b , {x} ->", n_tokens=4)


def test_generation_model_keeps_the_task(room):
    """The generation model: its function vector of 'next' (top heads, 100 prompts) added
    after block 1 to 'x ->', 9 tokens for three words."""
    model = icl.load_icl_model(generation=True)
    fv = ref.fn_vector(model, icl.ICLDataset("next", 100, 5, seed=57), ref.GEN_FV_HEADS)
    lines = []
    for word in ["c", "q", "w"]:
        plain, steered = _check(room, model, word, 1, fv, f"generation model, {word!r}, layer=1, "
                                "n_tokens=9", n_tokens=9)
        lines.append(f"{word} -> | {plain}  ||  {steered}")
    note("generations (plain || with the function vector of 'next'): " + ";  ".join(lines))
