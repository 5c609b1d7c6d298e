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
    p = fourier_neuron_acts.shape[0]
    squares = fourier_neuron_acts.pow(2)
    total = squares.sum(dim=(0, 1))
    per_freq = []
    for k in range(1, p // 2 + 1):
        idx = torch.tensor([0, 2 * k - 1, 2 * k])
        per_freq.append(squares[idx][:, idx].sum(dim=(0, 1)))
    best, best_idx = torch.stack(per_freq).max(dim=0)
    return best_idx + 1, best / total
