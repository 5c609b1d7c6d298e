"""Cases for get_attn_probs. The oracle rebuilds the pattern from the cached queries and
keys: q.k / sqrt(d_head), [pad] keys masked, softmax over keys."""


import brackets
from arena_dungeon.testing import assert_tensor_close, call, load_asset_module, note, show_picture

CHECKS = load_asset_module(__file__, "bracket_checks")


def _oracle(model, data, layer, head):
    _, cache = model.run_with_cache(data.toks)
    q, k = cache["q", layer][:, :, head], cache["k", layer][:, :, head]  # (batch, seq, d_head)
    scores = q @ k.transpose(-1, -2) / q.shape[-1] ** 0.5
    pad = data.toks == brackets.SimpleTokenizer.PAD_TOKEN
    return scores.masked_fill(pad[:, None, :], float("-inf")).softmax(dim=-1)


def _check(room, model, data, layer, head, label):
    got = call(room.get_attn_probs, model, data, layer, head)
    assert_tensor_close(got, _oracle(model, data, layer, head), atol=1e-5, call=label,
                        dims="batch seqQ seqK")
    return got


def test_random_model_head_1_0(room):
    """A random model, 12 random strings, head 1.0."""
    _check(room, CHECKS.random_model(0), CHECKS.random_data(0, n=12), 1, 0,
           "get_attn_probs(random model, data, 1, 0)")


def test_random_model_head_0_1(room):
    """The same model, head 0.1 (not the first head of its layer)."""
    _check(room, CHECKS.random_model(0), CHECKS.random_data(1, n=12), 0, 1,
           "get_attn_probs(random model, data, 0, 1)")


def test_last_layer_of_a_deeper_model(room):
    """A 4-layer, 3-head model, head 3.2."""
    model = CHECKS.random_model(2, n_layers=4, n_heads=3, d_head=8, d_model=24)
    _check(room, model, CHECKS.random_data(2, n=8), 3, 2,
           "get_attn_probs(4-layer random model, data, 3, 2)")


def test_shipped_model_head_1_1(room):
    """The trained model, strings of 20 brackets: head 1.1 (picture: its mean pattern)."""
    model, data = brackets.load_model(), brackets.load_data(400)
    long = brackets.BracketsDataset([p for p in data.pairs if len(p[0]) == 20])
    got = _check(room, model, long, 1, 1, "get_attn_probs(load_model(), 20-bracket strings, 1, 1)")
    mean = got.mean(0)
    show_picture((mean / mean.max()).repeat_interleave(2, 1),
                 "head 1.1's mean attention (rows: query, columns: key, 22 positions): spread "
                 "over the whole string from every query")
    note(f"head 1.1 from position 0: largest weight {mean[0].max():.2f}, on {len(long)} strings")
