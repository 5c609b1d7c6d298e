import torch
from jaxtyping import Float, Int
from torch import Tensor


def find_neuron_freqs(
    fourier_neuron_acts: Float[Tensor, "p p d_mlp"],
) -> tuple[Int[Tensor, "d_mlp"], Float[Tensor, "d_mlp"]]:
    """Each neuron's frequency: the k (1 .. p // 2) whose 9 2-D Fourier coefficients
    (rows and columns [0, 2k-1, 2k]) hold the largest sum of squares, and the fraction of
    the neuron's total sum of squares they hold.

    fourier_neuron_acts: (p, p, d_mlp), the 2-D Fourier transform of the centred activations.
    Returns (neuron_freqs (d_mlp,) integer, neuron_frac_explained (d_mlp,) float).
    """
    raise NotImplementedError
