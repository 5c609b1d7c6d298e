"""Cases for calculate_and_apply_steering_vector: random untrained models against an oracle
(vectors from one prompt at a time, added with add_hook), and the trained model steered
from one task to another."""

import icl_tasks as icl
from arena_dungeon.testing import assert_equal, call, fail, fresh_seed, load_asset_module, note

ref = load_asset_module(__file__, "icl_reference")


def _expected(model, prompt_tokens, additions):
    vectors = {}
    for layer, coeff, tokens in additions:
        if len(tokens) > 20:  # the trained model's case: one batch, the same numbers
            name = f"blocks.{layer}.hook_resid_pre"
            mean = model.run_with_cache(tokens, names_filter=name)[1][name][:, -1].mean(0)
        else:
            mean = ref.last_resid(model, tokens, layer, "resid_pre").mean(0)
        vectors[layer] = vectors.get(layer, 0) + coeff * mean
    plain = ref.top_words(model(prompt_tokens))
    return plain, ref.top_words(ref.run_adding(model, prompt_tokens, vectors, hook="resid_pre"))


def _check(room, model, prompt_tokens, additions, label):
    expected = _expected(model, prompt_tokens, additions)
    got = call(room.calculate_and_apply_steering_vector, model, prompt_tokens, additions)
    if not (isinstance(got, tuple) and len(got) == 2):
        fail(f"calculate_and_apply_steering_vector({label}) returned {type(got).__name__}, not a "
             "pair of lists", kind="type")
    assert_equal(got[0], expected[0], call=f"calculate_and_apply_steering_vector({label})[0] (plain)")
    assert_equal(got[1], expected[1], call=f"calculate_and_apply_steering_vector({label})[1] (steered)")
    return got


def _prompts(task, size, n, seed):
    return icl.ICLDataset(task, size, n, seed=fresh_seed(seed)).toks


def test_one_addition(room):
    """Random 2-layer model, 24 prompts with 3 examples, one addition at block 0 (coeff 3)."""
    model = ref.random_model(fresh_seed(61))
    additions = [(0, 3.0, _prompts("mirror", 6, 2, 62))]
    _check(room, model, _prompts("next", 24, 3, 63), additions, "random model, [(0, 3.0, 6 prompts)]")


def test_two_additions_one_layer(room):
    """Random 2-layer model, 'A minus B' at block 1: [(1, +4, A), (1, -4, B)] both count."""
    model = ref.random_model(fresh_seed(64))
    additions = [(1, 4.0, _prompts("next", 5, 3, 65)), (1, -4.0, _prompts("prev", 5, 3, 66))]
    _check(room, model, _prompts("cipher", 26, 2, 67), additions,
           "random model, [(1, 4.0, A), (1, -4.0, B)]")


def test_additions_at_two_layers(room):
    """Random 3-layer model, additions at blocks 0 and 2: each at its own layer, each
    measured on the plain model."""
    model = ref.random_model(fresh_seed(68), n_layers=3, n_heads=2)
    additions = [(0, 4.0, _prompts("next", 6, 4, 69)), (2, -3.0, _prompts("mirror", 6, 4, 70))]
    _check(room, model, _prompts("prev", 26, 4, 71), additions,
           "random 3-layer model, [(0, 4.0, A), (2, -3.0, B)]")


def test_trained_model_steered_to_next(room):
    """Trained model: 26 prompts of 'prev' with 5 examples, steered with 'next' minus 'prev'."""
    model = icl.load_icl_model()
    layer, coeff = ref.STEER_LAYER, ref.STEER_COEFF
    add = icl.ICLDataset("next", 60, 5, seed=72).toks
    sub = icl.ICLDataset("prev", 60, 5, seed=73).toks
    ds = icl.ICLDataset("prev", 26, 5, seed=74)
    plain, steered = _check(room, model, ds.toks, [(layer, coeff, add), (layer, -coeff, sub)],
                            f"trained model, [({layer}, {coeff}, next), ({layer}, -{coeff}, prev)]")
    succ = icl.decode(icl.TASKS["next"][ds.queries - icl.FIRST_LETTER] + icl.FIRST_LETTER)
    pred = icl.decode(ds.completions)
    note(f"26 prompts showing 'prev': plain {sum(map(str.__eq__, plain, pred))}/26 predecessor, "
         f"{sum(map(str.__eq__, plain, succ))}/26 successor; steered {sum(map(str.__eq__, steered, pred))}/26 "
         f"predecessor, {sum(map(str.__eq__, steered, succ))}/26 successor")
