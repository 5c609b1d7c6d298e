import torch
from jaxtyping import Bool
from torch import Tensor

from ioi_dataset import IOIDataset
from tiny_lens import HookedTransformer


def get_heads_and_posns_to_keep(
    means_dataset: IOIDataset,
    model: HookedTransformer,
    circuit: dict[str, list[tuple[int, int]]],
    seq_pos_to_keep: dict[str, str],
) -> dict[int, Bool[Tensor, "batch seq head"]]:
    """For every layer, a mask that is True at (prompt b, position, head) when that head
    belongs to a circuit role and the position is that role's word in prompt b
    (means_dataset.word_idx[seq_pos_to_keep[role]][b]). Everything False is ablated.

    Example: circuit {"name mover": [(1, 2)]}, seq_pos_to_keep {"name mover": "end"}:
    masks[1][:, 15, 2] is True, every other entry of every layer False.
    """
    raise NotImplementedError
