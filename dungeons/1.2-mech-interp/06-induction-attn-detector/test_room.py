"""Cases for induction_attn_detector: the shipped model on repeats, and hand-built caches."""

import torch

import tiny_lens
from arena_dungeon.testing import assert_equal, call, describe, fail, note, show_picture


def _expected(cache):
    """Loop oracle: mean of pattern[q, q - seq_len + 1] over the valid q, per head."""
    names, layer = [], 0
    while ("pattern", layer) in cache:
        p = cache["pattern", layer]
        n = p.shape[-1]
        seq_len = (n - 1) // 2
        for h in range(p.shape[0]):
            vals = [float(p[h, q, q - seq_len + 1]) for q in range(seq_len - 1, n)]
            if sum(vals) / len(vals) > 0.4:
                names.append(f"{layer}.{h}")
        layer += 1
    return names


def _check(room, cache, label):
    got = call(room.induction_attn_detector, cache)
    if not isinstance(got, list) or not all(isinstance(x, str) for x in got):
        fail(f"induction_attn_detector({label}) returned {describe(got)}, expected a list of "
             "strings like ['1.3']", kind="type")
    assert_equal(got, _expected(cache), call=f"induction_attn_detector({label})")
    return got


def _repeated_cache(model, seq_len, seed):
    g = torch.Generator().manual_seed(seed)
    half = torch.randint(1, model.cfg.d_vocab, (1, seq_len), generator=g)
    tokens = torch.cat([torch.zeros(1, 1, dtype=torch.long), half, half], dim=1)
    _, cache = model.run_with_cache(tokens, remove_batch_dim=True)
    return cache


def _pattern(n, target):
    """A (n, n) pattern where query q puts all its attention on key target(q) (or 0)."""
    p = torch.zeros(n, n)
    for q in range(n):
        k = target(q)
        p[q, k if 0 <= k <= q else 0] = 1.0
    return p


def test_shipped_model_seq_len_20(room):
    """The trained model on BOS + 20 random tokens + the same 20."""
    cache = _repeated_cache(tiny_lens.load_model(), 20, seed=0)
    got = _check(room, cache, "the shipped model's cache on BOS + x + x, seq_len 20")
    note(f"induction heads of the shipped model: {got}")
    picture = cache["pattern", 1][3].clamp(0, 1).repeat_interleave(4, 0).repeat_interleave(4, 1)
    show_picture(picture, "head 1.3 on a repeated sequence: in the second half, the stripe "
                 "seq_len - 1 below the diagonal is induction")


def test_shipped_model_seq_len_15(room):
    """Another length (seq_len 15, 31 positions): the offset must follow the sequence."""
    cache = _repeated_cache(tiny_lens.load_model(), 15, seed=1)
    _check(room, cache, "the shipped model's cache on BOS + x + x, seq_len 15")


def test_hand_built_cache(room):
    """2 layers x 3 heads, seq_len 5: induction, duplicate-token, previous-token and uniform heads."""
    seq_len, n = 5, 11
    induction = _pattern(n, lambda q: q - seq_len + 1)
    duplicate = _pattern(n, lambda q: q - seq_len)
    prev = _pattern(n, lambda q: q - 1)
    uniform = torch.ones(n, n).tril()
    uniform = uniform / uniform.sum(-1, keepdim=True)
    cache = tiny_lens.ActivationCache({
        "blocks.0.attn.hook_pattern": torch.stack([prev, duplicate, induction]),
        "blocks.1.attn.hook_pattern": torch.stack([induction, uniform, duplicate]),
    }, has_batch_dim=False)
    _check(room, cache, "a hand-built cache, seq_len 5 (expected ['0.2', '1.0'])")


def test_three_layers_seq_len_3(room):
    """3 layers x 2 heads, seq_len 3 (the brief's example): induction at 1.1 and 2.0 only."""
    seq_len, n = 3, 7
    induction = _pattern(n, lambda q: q - seq_len + 1)
    duplicate = _pattern(n, lambda q: q - seq_len)
    current = torch.eye(n)
    cache = tiny_lens.ActivationCache({
        "blocks.0.attn.hook_pattern": torch.stack([current, duplicate]),
        "blocks.1.attn.hook_pattern": torch.stack([duplicate, induction]),
        "blocks.2.attn.hook_pattern": torch.stack([induction, current]),
    }, has_batch_dim=False)
    _check(room, cache, "a hand-built cache, 3 layers, seq_len 3 (expected ['1.1', '2.0'])")
