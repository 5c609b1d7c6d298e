"""Cases for total_price_indexing: hand-checked basket, repeats, empty basket, float type, random."""

import torch

from arena_dungeon.testing import fresh_seed, assert_number_close, call, describe, fail


def test_hand_checked_basket(room):
    """prices [2, 0.5, 3, 1.25], items [1, 1, 3, 0, 2] cost 7.25."""
    prices = torch.tensor([2.0, 0.5, 3.0, 1.25])
    items = torch.tensor([1, 1, 3, 0, 2])
    got = call(room.total_price_indexing, prices, items)
    assert_number_close(got, 7.25, call="total_price_indexing(prices, [1, 1, 3, 0, 2])",
                        atol=1e-5)


def test_returns_a_python_float(room):
    """The total comes back as a Python float, not a tensor."""
    prices = torch.tensor([1.5, 2.5])
    items = torch.tensor([0, 1, 1])
    got = call(room.total_price_indexing, prices, items)
    if not isinstance(got, float):
        fail(f"total_price_indexing(...) returned {describe(got)}, expected a Python float "
             "(a one-element tensor is not a float: unwrap it)", kind="type",
             expected="float", got=describe(got))
    assert_number_close(got, 6.5, call="total_price_indexing([1.5, 2.5], [0, 1, 1])")


def test_repeats_are_paid_every_time(room):
    """Buying item 2 four times costs four times its price."""
    prices = torch.tensor([10.0, 20.0, 0.75, 5.0])
    items = torch.tensor([2, 2, 2, 2])
    got = call(room.total_price_indexing, prices, items)
    assert_number_close(got, 3.0, call="total_price_indexing(prices, [2, 2, 2, 2])", atol=1e-5)


def test_empty_basket_costs_nothing(room):
    """No items bought: the total is 0.0."""
    prices = torch.tensor([1.0, 2.0, 3.0])
    items = torch.zeros(0, dtype=torch.long)
    got = call(room.total_price_indexing, prices, items)
    assert_number_close(got, 0.0, call="total_price_indexing(prices, [])")


def test_random_baskets_match_a_slow_loop(room):
    """Random prices and baskets (seeded) against a plain Python loop."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for k, n in [(50, 200), (7, 3), (1, 5)]:
        prices = torch.rand(k, generator=gen) * 2
        items = torch.randint(0, k, (n,), generator=gen)
        expected = 0.0
        for i in items.tolist():
            expected += float(prices[i])
        got = call(room.total_price_indexing, prices, items)
        assert_number_close(got, expected, call=f"total_price_indexing(k={k}, n={n} random)",
                            atol=1e-3, rtol=1e-5)
