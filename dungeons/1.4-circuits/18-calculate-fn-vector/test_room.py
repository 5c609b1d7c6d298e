"""Cases for calculate_fn_vector: random untrained models against an oracle that reads each
head's output after W_O (hook_result), and the trained model's function vector at work."""

import torch

import icl_tasks as icl
from arena_dungeon.testing import assert_tensor_close, call, fresh_seed, load_asset_module, note

ref = load_asset_module(__file__, "icl_reference")


def _check(room, model, ds, head_list, label):
    got = call(room.calculate_fn_vector, model, ds, head_list)
    expected = ref.fn_vector(model, ds, head_list)
    assert_tensor_close(got, expected, atol=1e-4, call=f"calculate_fn_vector({label})", dims="d_model")
    return got


def test_two_heads_in_two_layers(room):
    """Random 2-layer, 3-head model, 9 prompts, head_list=[(0, 1), (1, 2)]."""
    model = ref.random_model(fresh_seed(41))
    ds = icl.ICLDataset("next", 9, 3, seed=fresh_seed(42))
    _check(room, model, ds, [(0, 1), (1, 2)], "random model, head_list=[(0, 1), (1, 2)]")


def test_one_head(room):
    """Random 2-layer, 3-head model, head_list=[(1, 0)]: layer 1, head 0."""
    model = ref.random_model(fresh_seed(43))
    ds = icl.ICLDataset("mirror", 7, 2, seed=fresh_seed(44))
    _check(room, model, ds, [(1, 0)], "random model, head_list=[(1, 0)]")


def test_heads_sharing_a_layer(room):
    """Random 3-layer, 4-head model, three heads of which two in layer 2: each adds its own."""
    model = ref.random_model(fresh_seed(45), n_layers=3, n_heads=4)
    ds = icl.ICLDataset("cipher", 8, 4, seed=fresh_seed(46))
    _check(room, model, ds, [(2, 3), (0, 2), (2, 1)], "random 3-layer model, head_list=[(2, 3), (0, 2), (2, 1)]")





def test_trained_model_function_vector(room):
    """Trained model: the function vector of 'next' from its top heads, added to the 26
    zero-shot prompts after block 0."""
    model = icl.load_icl_model()
    ds = icl.ICLDataset("next", 100, 5, seed=47)
    fv = _check(room, model, ds, ref.FV_HEADS, f"trained model, 'next', head_list={ref.FV_HEADS}")
    zero = icl.ICLDataset("next", 26, 0, seed=48)
    plain = ref.top_words(model(zero.toks))
    steered = ref.top_words(ref.run_adding(model, zero.toks, {0: torch.as_tensor(fv)}))
    answers = icl.decode(zero.completions)
    note(f"zero-shot 'x ->' on the 26 letters: {sum(map(str.__eq__, plain, answers))}/26 successors; "
         f"with your function vector added after block 0: {sum(map(str.__eq__, steered, answers))}/26")
