"""Reference solution: predict labels for held-out images, in eval mode, without gradients, in batches."""

import torch as t
from jaxtyping import Float, Int
from torch import Tensor, nn


def predict(model: nn.Module, images: Float[Tensor, "n 8 8"], batch_size: int = 64) -> Int[Tensor, "n"]:
    model.eval()
    predictions = []
    with t.inference_mode():
        for start in range(0, len(images), batch_size):
            logits = model(images[start : start + batch_size])
            predictions.append(logits.argmax(dim=-1))
    return t.cat(predictions)
