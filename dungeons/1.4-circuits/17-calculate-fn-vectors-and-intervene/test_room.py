"""Cases for calculate_fn_vectors_and_intervene: random untrained models against an oracle
that patches each head's output after W_O (hook_result), and the trained ICL model's map."""

import icl_tasks as icl
from arena_dungeon.testing import assert_tensor_close, call, fresh_seed, load_asset_module, note, show_signed

ref = load_asset_module(__file__, "icl_reference")


def _check(room, model, ds, rows, label, **kw):
    got = call(room.calculate_fn_vectors_and_intervene, model, ds, **kw)
    expected = ref.head_patch_effects(model, ds, rows)
    assert_tensor_close(got, expected, atol=2e-4, call=f"calculate_fn_vectors_and_intervene({label})",
                        dims="layers heads")
    return got


def test_random_model_every_layer(room):
    """Random 2-layer, 3-head model, 10 prompts of 'next' with 3 examples, layers=None."""
    model = ref.random_model(fresh_seed(31))
    ds = icl.ICLDataset("next", 10, 3, seed=fresh_seed(32))
    _check(room, model, ds, [0, 1], "random 2-layer model, 10 prompts")


def test_some_layers_only(room):
    """Random 3-layer, 2-head model, layers=[2, 0]: one row per listed layer, in that order."""
    model = ref.random_model(fresh_seed(33), n_layers=3, n_heads=2)
    ds = icl.ICLDataset("cipher", 8, 4, seed=fresh_seed(34))
    _check(room, model, ds, [2, 0], "random 3-layer model, layers=[2, 0]", layers=[2, 0])


def test_gain_over_the_corrupted_run(room):
    """Random model, one prompt of 'prev' with 5 examples: the value is a gain in
    log-probability (0 for a patch that changes nothing), not the log-probability itself."""
    model = ref.random_model(fresh_seed(35), n_heads=4)
    ds = icl.ICLDataset("prev", 6, 5, seed=fresh_seed(36))
    _check(room, model, ds, [0, 1], "random model, 6 prompts of 'prev'")


def test_trained_model_map(room):
    """Trained model, 30 prompts of 'next' with 5 examples, rotated answers as corruption."""
    model = icl.load_icl_model()
    ds = icl.ICLDataset("next", 30, 5, seed=37)
    got = _check(room, model, ds, list(range(model.cfg.n_layers)), "trained model, 30 'next' prompts")
    show_signed(got, caption="gain in log p(right answer) when one head's mean output is patched "
                "into shuffled prompts: rows = layers 0-2, columns = heads 0-3 (blue = helps)")
    note("head-wise effects: " + "; ".join(
        "  ".join(f"{layer}.{head} {float(got[layer, head]):+.2f}" for head in range(got.shape[1]))
        for layer in range(got.shape[0])))
