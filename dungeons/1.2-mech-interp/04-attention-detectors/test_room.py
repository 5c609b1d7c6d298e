"""Cases for the three detectors: the shipped model, and caches built by hand with known answers."""

from functools import lru_cache

import torch

import tiny_lens
from arena_dungeon.testing import assert_equal, call, describe, fail, note

N = 8  # positions in the hand-built patterns


def _score_loop(pattern, kind):
    """Mean attention of one (q, k) pattern on the current / previous / first token, by loop."""
    n = pattern.shape[0]
    if kind == "current":
        vals = [pattern[i, i] for i in range(n)]
    elif kind == "prev":
        vals = [pattern[i, i - 1] for i in range(1, n)]
    else:
        vals = [pattern[i, 0] for i in range(n)]
    return float(sum(vals)) / len(vals)


def _expected(cache, kind):
    names, layer = [], 0
    while ("pattern", layer) in cache:
        p = cache["pattern", layer]
        names += [f"{layer}.{h}" for h in range(p.shape[0]) if _score_loop(p[h], kind) > 0.4]
        layer += 1
    return names


@lru_cache(maxsize=1)
def _shipped_cache():
    model = tiny_lens.load_model()
    g = torch.Generator().manual_seed(0)
    tokens = torch.cat([torch.zeros(1, dtype=torch.long), torch.randint(1, 64, (40,), generator=g)])
    _, cache = model.run_with_cache(tokens[None], remove_batch_dim=True)
    return cache


def _hand_built_cache():
    """3 layers x 2 heads of 8 x 8 patterns with known roles."""
    eye = torch.eye(N)
    prev = torch.zeros(N, N)
    prev[0, 0] = 1.0
    prev[torch.arange(1, N), torch.arange(N - 1)] = 1.0
    first = torch.zeros(N, N)
    first[:, 0] = 1.0
    uniform = torch.ones(N, N).tril()
    uniform = uniform / uniform.sum(-1, keepdim=True)
    mix = 0.5 * eye + 0.5 * first
    mix[0, 0] = 1.0
    layers = [[prev, uniform], [eye, mix], [first, prev]]
    return tiny_lens.ActivationCache({
        tiny_lens.get_act_name("pattern", layer): torch.stack(heads)
        for layer, heads in enumerate(layers)
    }, has_batch_dim=False)


def _check(room, fn_name, cache, kind, label):
    fn = getattr(room, fn_name, None)
    if fn is None:
        fail(f"your file has no function {fn_name}", kind="exception")
    got = call(fn, cache)
    if not isinstance(got, list) or not all(isinstance(x, str) for x in got):
        fail(f"{fn_name}({label}) returned {describe(got)}, expected a list of strings like "
             "['0.2']", kind="type")
    assert_equal(got, _expected(cache, kind), call=f"{fn_name}({label})")
    return got


SHIPPED = "the shipped model's cache on BOS + 40 random tokens"
HAND = "a hand-built cache: 3 layers x 2 heads (identity, sub-diagonal, column-0 and mixed patterns)"


def test_current_shipped_model(room):
    """current_attn_detector on the trained model."""
    got = _check(room, "current_attn_detector", _shipped_cache(), "current", SHIPPED)
    note(f"current-token heads of the shipped model: {got}")


def test_prev_shipped_model(room):
    """prev_attn_detector on the trained model."""
    got = _check(room, "prev_attn_detector", _shipped_cache(), "prev", SHIPPED)
    note(f"previous-token heads of the shipped model: {got}")


def test_first_shipped_model(room):
    """first_attn_detector on the trained model."""
    got = _check(room, "first_attn_detector", _shipped_cache(), "first", SHIPPED)
    note(f"first-token heads of the shipped model: {got}")


def test_current_hand_built(room):
    """current_attn_detector on patterns built by hand (expected ['1.0', '1.1'])."""
    _check(room, "current_attn_detector", _hand_built_cache(), "current", HAND)


def test_prev_hand_built(room):
    """prev_attn_detector on patterns built by hand (expected ['0.0', '2.1'])."""
    _check(room, "prev_attn_detector", _hand_built_cache(), "prev", HAND)


def test_first_hand_built(room):
    """first_attn_detector on patterns built by hand (expected ['1.1', '2.0'])."""
    _check(room, "first_attn_detector", _hand_built_cache(), "first", HAND)
