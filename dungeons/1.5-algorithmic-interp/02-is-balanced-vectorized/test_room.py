"""Cases for is_balanced_vectorized: token tensors built by hand here (the tokenizer's
ids), answers from a plain loop written below."""

import random

import torch

from arena_dungeon.testing import call, fail

START, PAD, END, OPEN, CLOSE = 0, 1, 2, 3, 4


def _tokens(parens: str, pad: int = 0) -> torch.Tensor:
    ids = [START] + [OPEN if c == "(" else CLOSE for c in parens] + [END] + [PAD] * pad
    return torch.tensor(ids, dtype=torch.long)


def _oracle(parens: str) -> bool:
    level = 0
    for c in parens:
        level += 1 if c == "(" else -1
        if level < 0:
            return False
    return level == 0


def _check(room, parens: str, pad: int = 0) -> None:
    tokens = _tokens(parens, pad)
    label = f"is_balanced_vectorized({tokens.tolist()})  # {parens!r}" + (
        f" + {pad} [pad]" if pad else "")
    got = call(room.is_balanced_vectorized, tokens)
    if isinstance(got, torch.Tensor):
        if got.numel() != 1:
            fail(f"{label} returned a tensor of shape {tuple(got.shape)}, expected one bool",
                 kind="shape")
        got = bool(got.item())
    elif not isinstance(got, bool):
        fail(f"{label} returned {type(got).__name__} {got!r}, expected a bool", kind="type")
    if got != _oracle(parens):
        fail(f"{label} returned {got}, expected {_oracle(parens)}", kind="value")


def test_hand_checked_examples(room):
    """"()()", "(())", "()" balanced; "))((" and "(()()()(()(())()" not (no padding)."""
    for parens in ["()()", "(())", "))((", "()", "((()()()()))", "(()()()(()(())()"]:
        _check(room, parens)


def test_each_failure_alone(room):
    """")(" and "())(()" dip but end at zero; "((" and "(()" never dip but end above zero."""
    for parens in [")(", "())(()", "((", "(()", "()(("]:
        _check(room, parens)


def test_padding_does_not_count(room):
    """The same strings followed by 1 to 6 [pad] tokens (id 1): pads change nothing."""
    for pad, parens in enumerate(["()", "(())", ")(", "((", "()()", "(()"], start=1):
        _check(room, parens, pad)


def test_empty_string(room):
    """[start][end] alone (the empty string) is balanced, with and without padding."""
    _check(room, "")
    _check(room, "", pad=3)


def _random_balanced(rng: random.Random, pairs: int) -> str:
    parens = ""
    for _ in range(pairs):  # insert "()" anywhere: stays balanced
        i = rng.randrange(len(parens) + 1)
        parens = parens[:i] + "()" + parens[i:]
    return parens


def test_random_strings(room):
    """200 strings of even length 2..20, about half balanced, padded to 22 tokens (seed 0)."""
    rng = random.Random(0)
    for _ in range(200):
        n = rng.randrange(2, 21, 2)
        if rng.random() < 0.5:
            parens = _random_balanced(rng, n // 2)
        else:
            parens = "".join(rng.choice("()") for _ in range(n))
        _check(room, parens, pad=20 - n)
