import torch
from torch import Tensor

from ioi_dataset import IOIDataset
from patching import get_heads_and_posns_to_keep
from tiny_lens import HookedTransformer, HookPoint

# The circuit you found, by role, and the word at which each role's heads are kept.
CIRCUIT: dict[str, list[tuple[int, int]]] = {
    # "role": [(layer, head), ...],
}
SEQ_POS_TO_KEEP: dict[str, str] = {
    # "role": "end",   (one of "IO", "S1", "S2", "end")
}


def add_mean_ablation_hook(
    model: HookedTransformer,
    means_dataset: IOIDataset,
    circuit: dict[str, list[tuple[int, int]]] = CIRCUIT,
    seq_pos_to_keep: dict[str, str] = SEQ_POS_TO_KEEP,
) -> HookedTransformer:
    """Remove any hooks, then add one hook on every hook_z that keeps the circuit's heads
    at their positions and replaces every other (prompt, position, head) entry of z by
    its mean over the means_dataset prompts of the same template. Returns the model.

    Example: model = add_mean_ablation_hook(model, ds.abc()); model(ds.toks) is the
    circuit's output; model.reset_hooks() gives the full model back.
    """
    raise NotImplementedError
