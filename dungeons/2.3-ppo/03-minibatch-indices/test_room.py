"""Cases for get_minibatch_indices: the minibatches partition the batch (every row once),
the order is shuffled by the given generator (reproducible, fresh on every call), one
minibatch of everything is allowed, and a size that does not divide the batch is refused."""

import numpy as np

from arena_dungeon.testing import assert_equal, fail, fresh_seed


def _get(room, seed, batch_size, minibatch_size):
    return room.get_minibatch_indices(np.random.default_rng(seed), batch_size, minibatch_size)


def test_minibatches_partition_the_batch(room):
    """batch_size 12, minibatch_size 4: three arrays of 4 indices, together 0..11 each exactly once."""
    got = _get(room, fresh_seed(0), 12, 4)
    call = "get_minibatch_indices(rng, batch_size=12, minibatch_size=4)"
    assert_equal(len(got), 3, call=f"number of minibatches from {call}")
    sizes = [len(np.asarray(mb)) for mb in got]
    if sizes != [4, 4, 4]:
        fail(f"{call} gave minibatches of sizes {sizes}, expected [4, 4, 4]", kind="shape")
    seen = sorted(int(i) for mb in got for i in np.asarray(mb))
    if seen != list(range(12)):
        fail(f"{call}: the indices, sorted, are {seen}, expected 0..11 each exactly once (a "
             "permutation, not draws with replacement: every row is used once per epoch)",
             kind="value")


def test_order_is_shuffled(room):
    """batch_size 64, minibatch_size 8: the indices do not come in order 0, 1, 2, ... (each minibatch mixes rows from all over the rollout)."""
    got = np.concatenate([np.asarray(mb) for mb in _get(room, fresh_seed(1), 64, 8)])
    if np.array_equal(got, np.arange(64)):
        fail("get_minibatch_indices(rng, 64, 8) returned the indices in order: minibatch 0 is "
             "rows 0-7, consecutive steps of the same envs. Shuffle them (rng.permutation)",
             kind="value")


def test_uses_the_given_generator(room):
    """Two generators seeded alike give the same minibatches, whatever numpy's global seed; two calls on one generator give different ones (a new shuffle each epoch)."""
    np.random.seed(1)
    first = _get(room, 5, 32, 8)
    np.random.seed(2)
    again = _get(room, 5, 32, 8)
    if not all(np.array_equal(a, b) for a, b in zip(first, again)):
        fail("two calls with np.random.default_rng(5) gave different minibatches: draw the "
             "shuffle from the rng argument, not from numpy's global generator", kind="value")
    rng = np.random.default_rng(5)
    rng_calls = (room.get_minibatch_indices(rng, 32, 8), room.get_minibatch_indices(rng, 32, 8))
    if all(np.array_equal(a, b) for a, b in zip(*rng_calls)):
        fail("two calls on the same generator gave the same minibatches: shuffle afresh on "
             "every call, or every epoch sees the same minibatches", kind="value")


def test_one_minibatch_of_everything(room):
    """batch_size 5, minibatch_size 5: one minibatch holding all five rows."""
    got = _get(room, fresh_seed(2), 5, 5)
    assert_equal(len(got), 1, call="number of minibatches from get_minibatch_indices(rng, 5, 5)")
    assert_equal(sorted(int(i) for i in np.asarray(got[0])), [0, 1, 2, 3, 4],
                 call="the one minibatch of get_minibatch_indices(rng, 5, 5), sorted")


def test_refuses_a_size_that_does_not_divide(room):
    """batch_size 10, minibatch_size 4 is an error (an assert or a ValueError), not minibatches of uneven size or two rows silently dropped."""
    try:
        got = _get(room, 0, 10, 4)
    except (AssertionError, ValueError):
        return
    sizes = [len(np.asarray(mb)) for mb in got]
    fail(f"get_minibatch_indices(rng, 10, 4) returned minibatches of sizes {sizes}; expected an "
         "error (assert batch_size % minibatch_size == 0): 4 does not divide 10", kind="value")
