"""Cases for total_price_gather: hand-checked basket, float type, fractions, repeats, empty, random."""

import torch

from arena_dungeon.testing import fresh_seed, assert_number_close, call, describe, fail


def test_hand_checked_basket(room):
    """prices [2, 0.5, 3, 1.25], items [1, 1, 3, 0, 2] cost 7.25."""
    prices = torch.tensor([2.0, 0.5, 3.0, 1.25])
    items = torch.tensor([1, 1, 3, 0, 2])
    got = call(room.total_price_gather, prices, items)
    assert_number_close(got, 7.25, call="total_price_gather(prices, [1, 1, 3, 0, 2])", atol=1e-5)


def test_returns_a_python_float(room):
    """The total comes back as a Python float, not a tensor or an int."""
    prices = torch.tensor([1.0, 3.0])
    items = torch.tensor([1, 0, 1])
    got = call(room.total_price_gather, prices, items)
    if not isinstance(got, float):
        fail(f"total_price_gather(...) returned {describe(got)}, expected a Python float",
             kind="type", expected="float", got=describe(got))
    assert_number_close(got, 7.0, call="total_price_gather([1.0, 3.0], [1, 0, 1])")


def test_fractions_are_kept(room):
    """Prices with cents: 0.99 * 3 + 0.35 = 3.32, no rounding to whole numbers."""
    prices = torch.tensor([0.35, 0.99])
    items = torch.tensor([1, 0, 1, 1])
    got = call(room.total_price_gather, prices, items)
    assert_number_close(got, 3.32, call="total_price_gather([0.35, 0.99], [1, 0, 1, 1])",
                        atol=1e-5)


def test_repeats_are_paid_every_time(room):
    """Buying item 0 five times costs five times its price."""
    prices = torch.tensor([1.5, 100.0, 100.0])
    items = torch.tensor([0, 0, 0, 0, 0])
    got = call(room.total_price_gather, prices, items)
    assert_number_close(got, 7.5, call="total_price_gather(prices, [0, 0, 0, 0, 0])", atol=1e-5)


def test_empty_basket_costs_nothing(room):
    """No items bought: the total is 0.0."""
    prices = torch.tensor([4.0, 2.0])
    items = torch.zeros(0, dtype=torch.long)
    got = call(room.total_price_gather, prices, items)
    assert_number_close(got, 0.0, call="total_price_gather(prices, [])")


def test_random_baskets_match_a_slow_loop(room):
    """Random prices and baskets (seeded) against a plain Python loop."""
    gen = torch.Generator().manual_seed(fresh_seed(1))
    for k, n in [(40, 120), (3, 8), (10, 1)]:
        prices = torch.rand(k, generator=gen) * 2
        items = torch.randint(0, k, (n,), generator=gen)
        expected = sum(float(prices[i]) for i in items.tolist())
        got = call(room.total_price_gather, prices, items)
        assert_number_close(got, expected, call=f"total_price_gather(k={k}, n={n} random)",
                            atol=1e-3, rtol=1e-5)
