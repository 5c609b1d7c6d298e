from jaxtyping import Bool
from torch import Tensor

from fourier import get_trig_sum_directions, project_onto_direction
from fourier_basis import make_fourier_basis
from grokking import GrokkingTransformer, all_inputs, cross_entropy_high_precision


def key_frequencies(model: GrokkingTransformer, n_freqs: int) -> list[int]:
    p = model.cfg.p
    basis, _ = make_fourier_basis(p)
    norms = (basis @ model.W_E[:p]).pow(2).sum(dim=1)
    per_freq = norms[1:].reshape(-1, 2).sum(dim=1)  # row k-1: cos k + sin k
    return sorted((per_freq.argsort(descending=True)[:n_freqs] + 1).tolist())


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
    key_freqs = key_frequencies(checkpoints[-1][1], n_freqs)
    p = checkpoints[-1][1].cfg.p
    tokens, labels = all_inputs(p)
    directions = [get_trig_sum_directions(k, p) for k in key_freqs]
    out: dict[str, list] = {"key_freqs": key_freqs, "train_loss": [], "test_loss": [],
                            "excl_loss": []}
    for _, model in checkpoints:
        logits = model(tokens)[:, -1]
        out["train_loss"].append(cross_entropy_high_precision(logits[is_train],
                                                              labels[is_train]).item())
        out["test_loss"].append(cross_entropy_high_precision(logits[~is_train],
                                                             labels[~is_train]).item())
        excl = []
        for cos_dir, sin_dir in directions:
            removed = logits - project_onto_direction(logits, cos_dir.flatten()) \
                - project_onto_direction(logits, sin_dir.flatten())
            excl.append(cross_entropy_high_precision(removed[is_train], labels[is_train]).item())
        out["excl_loss"].append(excl)
    return out
