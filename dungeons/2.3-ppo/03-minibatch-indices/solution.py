"""Shuffle a batch's row indices into minibatches: every row exactly once per epoch."""

import numpy as np


def get_minibatch_indices(rng: np.random.Generator, batch_size: int, minibatch_size: int) -> list[np.ndarray]:
    """A fresh shuffle of range(batch_size), cut into batch_size // minibatch_size arrays of
    minibatch_size indices. minibatch_size must divide batch_size."""
    assert batch_size % minibatch_size == 0, "minibatch_size must divide batch_size"
    return list(rng.permutation(batch_size).reshape(-1, minibatch_size))
