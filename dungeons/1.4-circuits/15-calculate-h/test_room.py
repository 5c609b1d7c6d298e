"""Cases for calculate_h: random untrained models against a prompt-by-prompt oracle, and
the trained ICL model."""

import torch

import icl_tasks as icl
from arena_dungeon.testing import assert_equal, assert_tensor_close, call, fail, fresh_seed, load_asset_module, note

ref = load_asset_module(__file__, "icl_reference")


def _check(room, model, ds, read_layer, label, **kw):
    got = call(room.calculate_h, model, ds, **kw)
    if not (isinstance(got, tuple) and len(got) == 2):
        fail(f"calculate_h({label}) returned {type(got).__name__}, not a pair (completions, h)",
             kind="type")
    completions, h = got
    expected_h = ref.last_resid(model, ds.toks, read_layer).mean(0)
    assert_tensor_close(h, expected_h, atol=1e-4, call=f"calculate_h({label})[1]", dims="d_model")
    assert_equal(completions, ref.top_words(model(ds.toks)), call=f"calculate_h({label})[0]")
    return completions, h


def test_random_model_layer_0(room):
    """Random 2-layer model, 8 prompts of 'next' with 3 examples each, layer 0."""
    model = ref.random_model(fresh_seed(1))
    ds = icl.ICLDataset("next", 8, 3, seed=fresh_seed(2))
    _check(room, model, ds, 0, "random 2-layer model, 8 prompts, layer=0", layer=0)


def test_last_layer_by_default(room):
    """Random 3-layer model, no layer given: h is read after the last block."""
    model = ref.random_model(fresh_seed(3), n_layers=3)
    ds = icl.ICLDataset("mirror", 6, 2, seed=fresh_seed(4))
    _check(room, model, ds, 2, "random 3-layer model, 6 prompts, layer left at -1")


def test_middle_layer_of_three(room):
    """Random 3-layer model, layer 1: the output of the middle block, not its input."""
    model = ref.random_model(fresh_seed(5), n_layers=3, n_heads=2)
    ds = icl.ICLDataset("cipher", 5, 4, seed=fresh_seed(6))
    _check(room, model, ds, 1, "random 3-layer model, 5 prompts, layer=1", layer=1)


def test_completions_one_word_per_prompt(room):
    """Random model, 12 prompts: the completions are 12 words, one per prompt, in order."""
    model = ref.random_model(fresh_seed(7))
    ds = icl.ICLDataset("prev", 12, 1, seed=fresh_seed(8))
    completions, _ = _check(room, model, ds, 1, "random model, 12 prompts, layer=1", layer=1)
    if not all(isinstance(word, str) for word in completions):
        fail("calculate_h(...)[0] should hold words (str), e.g. 'q'", kind="type")


def test_trained_model(room):
    """Trained model, 20 prompts of 'next' with 5 examples, layer 1."""
    model = icl.load_icl_model()
    ds = icl.ICLDataset("next", 20, 5, seed=9)
    completions, h = _check(room, model, ds, 1, "trained model, 20 'next' prompts, layer=1", layer=1)
    right = sum(word == icl.VOCAB[int(c)] for word, c in zip(completions, ds.completions))
    note(f"trained model on 20 'next' prompts: {right}/20 right; h after layer 1 has norm "
         f"{float(torch.as_tensor(h).norm()):.1f}")
