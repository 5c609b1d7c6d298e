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
    (means_dataset.word_idx[seq_pos_to_keep[role]][b]). Everything False is ablated."""
    batch, seq = means_dataset.toks.shape
    rows = torch.arange(batch)
    masks = {}
    for layer in range(model.cfg.n_layers):
        for role, heads in circuit.items():
            mask = torch.zeros(batch, seq, model.cfg.n_heads, dtype=torch.bool)
            positions = means_dataset.word_idx[seq_pos_to_keep[role]]
            for head_layer, head in heads:
                if head_layer == layer:
                    mask[rows, positions, head] = True
        masks[layer] = mask if circuit else torch.zeros(batch, seq, model.cfg.n_heads, dtype=torch.bool)
    return masks
