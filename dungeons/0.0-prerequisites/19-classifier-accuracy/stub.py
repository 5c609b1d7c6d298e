"""Room: How often is the classifier right?

The fraction of examples whose highest-scoring class is the true class.
"""

import torch
from jaxtyping import Float, Int
from torch import Tensor


def classifier_accuracy(
    scores: Float[Tensor, "batch n_classes"], true_classes: Int[Tensor, "batch"]
) -> Float[Tensor, ""]:
    """Return the fraction of rows whose argmax equals true_classes, as a float.

    scores: shape (batch, n_classes). true_classes: shape (batch,), integers.
    Returns a 0-dim float tensor (or a Python float) between 0 and 1.

    Example: scores [[0.1, 0.8, 0.1], [0.6, 0.3, 0.1], [0.5, 0.1, 0.4]] with
    true_classes [1, 0, 2] gives 2/3.
    """
    raise NotImplementedError
