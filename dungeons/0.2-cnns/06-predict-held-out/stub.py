"""Room: predict on held-out images.

Run a trained classifier over images it never saw, batch by batch, in eval mode and without
gradients, and return its predicted label for each.
"""

import torch as t
from jaxtyping import Float, Int
from torch import Tensor, nn


def predict(model: nn.Module, images: Float[Tensor, "n 8 8"], batch_size: int = 64) -> Int[Tensor, "n"]:
    """Predicted labels (n,) int64 for images (n, 8, 8), one forward pass per batch.

    model(images: (batch, 8, 8)) -> logits (batch, 10). Batches are images[0:batch_size],
    images[batch_size:2 * batch_size], ...; the last one may be shorter.
    Example: logits [[0.1, 2.0, ...], [3.0, 0.2, ...]] -> tensor([1, 0]).
    """
    raise NotImplementedError
