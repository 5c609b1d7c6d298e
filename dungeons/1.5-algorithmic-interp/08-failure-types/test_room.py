"""Cases for is_balanced_vectorized_return_both, against a per-string loop written here."""

import random

import torch

import brackets
from arena_dungeon.testing import assert_tensor_equal, call, fail, note

TOKENIZER = brackets.SimpleTokenizer()


def _oracle(strs):
    elev, neg = [], []
    for s in strs:
        level, dipped = 0, False
        for c in s:
            level += 1 if c == "(" else -1
            dipped |= level < 0
        elev.append(level != 0)
        neg.append(dipped)
    return torch.tensor(elev), torch.tensor(neg)


def _check(room, strs, label):
    toks = TOKENIZER.tokenize(strs)
    got = call(room.is_balanced_vectorized_return_both, toks)
    if not isinstance(got, tuple) or len(got) != 2:
        fail(f"{label} returned {type(got).__name__}, expected a tuple of two bool tensors",
             kind="type")
    elev, neg = _oracle(strs)
    assert_tensor_equal(got[0], elev, call=f"{label}[0] (total_elevation_failure)", dims="batch")
    assert_tensor_equal(got[1], neg, call=f"{label}[1] (negative_failure)", dims="batch")
    return elev, neg


def test_one_of_each(room):
    """"()()" neither; ")(" negative only; "((" elevation only; "))" both."""
    _check(room, ["()()", ")(", "((", "))"], 'is_balanced_vectorized_return_both(tokenize('
           '["()()", ")(", "((", "))"]))')


def test_padding_does_not_count(room):
    """Strings of very different lengths, so most rows end in [pad]s."""
    _check(room, ["", "()", "(((())))()", ")()(", "(((((((("],
           "is_balanced_vectorized_return_both(5 strings padded to 12 tokens)")


def test_single_string(room):
    """A batch of one: "())(()" dips but ends at zero."""
    _check(room, ["())(()"], 'is_balanced_vectorized_return_both(tokenize("())(()"))')


def test_random_batch(room):
    """300 random strings of even length 2..20 (seed 0), a third built balanced."""
    rng = random.Random(0)
    strs = []
    for _ in range(300):
        n = rng.randrange(2, 21, 2)
        if rng.random() < 1 / 3:
            s = ""
            for _ in range(n // 2):
                i = rng.randrange(len(s) + 1)
                s = s[:i] + "()" + s[i:]
        else:
            s = "".join(rng.choice("()") for _ in range(n))
        strs.append(s)
    elev, neg = _check(room, strs, "is_balanced_vectorized_return_both(300 random strings)")
    note(f"of 300: {int((~elev & ~neg).sum())} balanced, {int((~elev & neg).sum())} negative "
         f"only, {int((elev & ~neg).sum())} elevation only, {int((elev & neg).sum())} both")
