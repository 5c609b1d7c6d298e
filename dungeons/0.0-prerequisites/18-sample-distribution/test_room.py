"""Cases for sample_distribution: shape and dtype, range, zero-probability categories,
frequencies over 200,000 draws, n = 0, probs left unchanged, and draws exactly on slice
edges (torch.rand replaced by chosen numbers). Seeds are fixed."""

import math

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, assert_tensor_equal, call, describe, fail

PROBS = torch.tensor([0.05, 0.1, 0.1, 0.2, 0.15, 0.4])


def _samples(room, probs, n, seed=0):
    """Call the player's function with a fixed seed; check it returns an integer (n,) tensor."""
    torch.manual_seed(seed)
    got = call(room.sample_distribution, probs, n)
    where = f"sample_distribution(probs of {len(probs)}, {n})"
    if not isinstance(got, torch.Tensor):
        fail(f"{where} returned {describe(got)}, expected a tensor of shape ({n},)", kind="type")
    if got.shape != (n,):
        fail(f"{where} returned shape {tuple(got.shape)}, expected ({n},): one category per "
             "sample (did you forget to sum over the category axis?)", kind="shape")
    if got.dtype.is_floating_point or got.dtype == torch.bool:
        fail(f"{where} returned {describe(got)}, expected integer category indices",
             kind="dtype")
    return got


def test_shape_and_integer_dtype(room):
    """Ten samples from four categories: an integer tensor of shape (10,)."""
    _samples(room, torch.tensor([0.25, 0.25, 0.25, 0.25]), 10)


def test_values_are_category_indices(room):
    """5,000 samples from six categories: every value is in 0 .. 5."""
    got = _samples(room, PROBS.clone(), 5000)
    low, high = int(got.min()), int(got.max())
    if low < 0 or high > 5:
        fail(f"sample_distribution(probs of 6, 5000) gave values from {low} to {high}; "
             "categories are numbered 0 to 5 (off by one?)")


def test_zero_probability_never_drawn(room):
    """probs [0, 0.3, 0, 0.7, 0]: only categories 1 and 3 ever appear."""
    probs = torch.tensor([0.0, 0.3, 0.0, 0.7, 0.0])
    got = _samples(room, probs, 20_000, seed=1)
    seen = sorted(set(got.tolist()))
    if seen != [1, 3]:
        fail(f"sample_distribution([0, 0.3, 0, 0.7, 0], 20000) drew the categories {seen}; "
             "expected exactly [1, 3] (a category of probability 0 must never appear)")


def test_frequencies_match_probs(room):
    """200,000 samples: each category's share is within 0.005 of its probability."""
    got = _samples(room, PROBS.clone(), 200_000, seed=2)
    if int(got.min()) < 0 or int(got.max()) > 5:
        fail(f"sample_distribution(probs of 6, 200000) gave values from {int(got.min())} to "
             f"{int(got.max())}; categories are numbered 0 to 5")
    shares = torch.bincount(got, minlength=6).double() / 200_000
    assert_tensor_close(shares, PROBS.double(), call="share of each category among the samples",
                        atol=0.005, rtol=0.0, dims="k")


def test_zero_samples(room):
    """n = 0 gives an empty integer tensor of shape (0,)."""
    _samples(room, PROBS.clone(), 0)


def test_leaves_probs_unchanged(room):
    """The caller's probs are left as they were (no in-place cumsum_)."""
    torch.manual_seed(fresh_seed(3))
    call(room.sample_distribution, PROBS.clone(), 100)  # call() fails if probs changed


def test_draws_on_slice_edges(room):
    """torch.rand replaced by chosen draws, some exactly on slice edges: with probs
    [0, 0.25, 0, 0.5, 0.25] the slices are [0, 0.25) for 1, [0.25, 0.75) for 3 and
    [0.75, 1) for 4, so a draw of exactly 0 is category 1, never the empty category 0."""
    probs = torch.tensor([0.0, 0.25, 0.0, 0.5, 0.25])
    draws = torch.tensor([0.0, 0.25, 0.5, 0.75, 0.1, 0.9])
    expected = torch.tensor([1, 3, 3, 4, 1, 4])
    real_rand, used = torch.rand, []

    def chosen_rand(*size, **kwargs):
        shape = size[0] if len(size) == 1 and isinstance(size[0], (tuple, list, torch.Size)) \
            else size or kwargs.get("size", ())
        used.append(tuple(shape))
        return draws.reshape(tuple(shape)) if draws.numel() == math.prod(shape) \
            else real_rand(*size, **kwargs)

    torch.rand = chosen_rand
    try:
        got = _samples(room, probs, 6)
    finally:
        torch.rand = real_rand
    if not used:
        fail("sample_distribution(probs, 6) never called torch.rand: this case replaces "
             "torch.rand with chosen draws to check the slice edges, so draw with torch.rand(n)",
             kind="value")
    assert_tensor_equal(got.long(), expected,
                        call="sample_distribution([0, 0.25, 0, 0.5, 0.25], 6) with draws "
                             "[0, 0.25, 0.5, 0.75, 0.1, 0.9]", dims="n")
