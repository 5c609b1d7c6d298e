"""Reference solution: classifier_accuracy."""

from jaxtyping import Float, Int
from torch import Tensor


def classifier_accuracy(
    scores: Float[Tensor, "batch n_classes"], true_classes: Int[Tensor, "batch"]
) -> Float[Tensor, ""]:
    """Return the fraction of rows whose argmax equals true_classes, as a float."""
    return (scores.argmax(dim=1) == true_classes).float().mean()
