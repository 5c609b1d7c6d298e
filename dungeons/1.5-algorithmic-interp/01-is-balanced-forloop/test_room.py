"""Cases for is_balanced_forloop. The oracle deletes "()" pairs until none is left: a
string is balanced exactly when that leaves nothing."""

import random

from arena_dungeon.testing import assert_equal, call, note


def _oracle(parens: str) -> bool:
    while "()" in parens:
        parens = parens.replace("()", "")
    return parens == ""


def _check(room, parens: str) -> None:
    assert_equal(call(room.is_balanced_forloop, parens), _oracle(parens),
                 call=f"is_balanced_forloop({parens!r})")


def test_hand_checked_examples(room):
    """"()()", "(())", "()" are balanced; "))((" and "(()()()(()(())()" are not."""
    for parens in ["()()", "(())", "))((", "()", "((()()()()))", "(()()()(()(())()"]:
        _check(room, parens)


def test_ends_at_zero_but_dips(room):
    """")(" and "())(()" end at elevation zero but go below it on the way: unbalanced."""
    for parens in [")(", "())(()", "()))((", "(()))(()"]:
        _check(room, parens)


def test_never_dips_but_ends_high(room):
    """"((", "(()" and "()((" never go below zero but end above it: unbalanced."""
    for parens in ["((", "(()", "()((", "(((())"]:
        _check(room, parens)


def test_empty_and_single(room):
    """The empty string is balanced (nothing to close); "(" and ")" are not."""
    for parens in ["", "(", ")"]:
        _check(room, parens)


def test_random_strings(room):
    """300 random strings of length 0..20 (seed 0) against the pair-deleting oracle."""
    rng = random.Random(0)
    strings = ["".join(rng.choice("()") for _ in range(rng.randrange(0, 21, 2)))
               for _ in range(300)]
    strings += ["(" * n + ")" * n for n in range(1, 8)]
    for parens in strings:
        _check(room, parens)
    note(f"{sum(map(_oracle, strings))} of the {len(strings)} random strings were balanced")
