"""Cases for intervene_with_h: random untrained models against an oracle that adds h with
its own hook, and the trained ICL model (h of one task added to prompts with no examples)."""

import icl_tasks as icl
from arena_dungeon.testing import assert_equal, call, fail, fresh_seed, load_asset_module, note

ref = load_asset_module(__file__, "icl_reference")


def _check(room, model, ds, h, layer, label):
    expected_plain = ref.top_words(model(ds.toks))
    expected_steered = ref.top_words(ref.run_adding(model, ds.toks, {layer: h}))
    got = call(room.intervene_with_h, model, ds, h, layer)
    if not (isinstance(got, tuple) and len(got) == 2):
        fail(f"intervene_with_h({label}) returned {type(got).__name__}, not a pair of lists",
             kind="type")
    plain, steered = got
    assert_equal(plain, expected_plain, call=f"intervene_with_h({label})[0] (no h)")
    assert_equal(steered, expected_steered, call=f"intervene_with_h({label})[1] (h added)")
    return plain, steered


def test_random_model_zero_shot(room):
    """Random 2-layer model, 26 zero-shot prompts, a large random h after block 1."""
    model = ref.random_model(fresh_seed(11))
    ds = icl.ICLDataset("next", 26, 0, seed=fresh_seed(12))
    h = ref.scaled_vector(model, ds.toks, "blocks.1.hook_resid_post", fresh_seed(13))
    _check(room, model, ds, h, 1, "random model, 26 zero-shot prompts, h (24,), layer=1")


def test_prompts_with_examples_layer_0(room):
    """Random 2-layer model, prompts with 3 examples, h after block 0: only the last
    position gets h (block 1's attention would carry it from any other)."""
    model = ref.random_model(fresh_seed(15))
    ds = icl.ICLDataset("mirror", 30, 3, seed=fresh_seed(14))
    h = ref.scaled_vector(model, ds.toks, "blocks.0.hook_resid_post", fresh_seed(16))
    _check(room, model, ds, h, 0, "random model, 30 prompts with 3 examples, layer=0")


def test_middle_block_of_three(room):
    """Random 3-layer model, h after block 1 (the middle one)."""
    model = ref.random_model(fresh_seed(17), n_layers=3, n_heads=2)
    ds = icl.ICLDataset("cipher", 26, 1, seed=fresh_seed(18))
    h = ref.scaled_vector(model, ds.toks, "blocks.1.hook_resid_post", fresh_seed(19))
    _check(room, model, ds, h, 1, "random 3-layer model, 26 prompts, layer=1")


def test_trained_model_does_the_task(room):
    """Trained model: h of 'cipher' (100 prompts with 5 examples, after block 1) added to
    the 26 zero-shot prompts 'x ->'."""
    model = icl.load_icl_model()
    ds = icl.ICLDataset("cipher", 100, 5, seed=21)
    _, cache = model.run_with_cache(ds.toks, names_filter="blocks.1.hook_resid_post")
    h = cache["blocks.1.hook_resid_post"][:, -1].mean(0)
    zero = icl.ICLDataset("cipher", 26, 0, seed=22)
    plain, steered = _check(room, model, zero, h, 1, "trained model, 'cipher', layer=1")
    answers = icl.decode(zero.completions)
    before = sum(a == b for a, b in zip(plain, answers))
    after = sum(a == b for a, b in zip(steered, answers))
    note(f"zero-shot 'x ->' on the 26 letters: {before}/26 answered by the cipher; "
         f"with h of 'cipher' added after block 1: {after}/26")
