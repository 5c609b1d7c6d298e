import torch
from jaxtyping import Bool
from torch import Tensor

from fourier import get_trig_sum_directions, project_onto_direction
from fourier_basis import make_fourier_basis
from grokking import GrokkingTransformer, all_inputs, cross_entropy_high_precision


def grokking_progress(checkpoints: list[tuple[int, GrokkingTransformer]],
                      is_train: Bool[Tensor, "p_squared"], n_freqs: int = 4) -> dict[str, list]:
    """The story of a grokking run, from its checkpoints (in training order).

    Returns a dict of lists:
      "key_freqs": the n_freqs frequencies k with the largest embedding norm in the LAST
                   checkpoint (cos k and sin k components together), ascending;
      "train_loss", "test_loss": one float per checkpoint (final position, float64 loss
                   on the is_train pairs / the other pairs);
      "excl_loss": one list per checkpoint, the excluded loss (training pairs) for each
                   key frequency, in the order of "key_freqs".
    """
    raise NotImplementedError
