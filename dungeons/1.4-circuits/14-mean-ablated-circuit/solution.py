import torch
from torch import Tensor

from ioi_dataset import IOIDataset
from patching import get_heads_and_posns_to_keep
from tiny_lens import HookedTransformer, HookPoint

# The circuit you found, by role, and the word at which each role's heads are kept.
CIRCUIT: dict[str, list[tuple[int, int]]] = {
    "s mover": [(0, 2)],
    "name mover": [(1, 0), (1, 1), (1, 2), (1, 3), (2, 0), (2, 2), (2, 3)],
    "io name writer": [(0, 0), (0, 1), (0, 2), (0, 3)],
    "s1 name writer": [(0, 2)],
}
SEQ_POS_TO_KEEP: dict[str, str] = {
    "s mover": "end",
    "name mover": "end",
    "io name writer": "IO",
    "s1 name writer": "S1",
}


def add_mean_ablation_hook(
    model: HookedTransformer,
    means_dataset: IOIDataset,
    circuit: dict[str, list[tuple[int, int]]] = CIRCUIT,
    seq_pos_to_keep: dict[str, str] = SEQ_POS_TO_KEEP,
) -> HookedTransformer:
    """Remove any hooks, then add one hook on every hook_z that keeps the circuit's heads
    at their positions and replaces every other (prompt, position, head) entry of z by
    its mean over the means_dataset prompts of the same template. Returns the model."""
    model.reset_hooks()
    keep = get_heads_and_posns_to_keep(means_dataset, model, circuit, seq_pos_to_keep)
    is_z = lambda name: name.endswith("hook_z")  # noqa: E731
    _, cache = model.run_with_cache(means_dataset.toks, names_filter=is_z)
    means = {}
    for layer in range(model.cfg.n_layers):
        z = cache["z", layer]
        mean_z = torch.zeros_like(z)
        for template in means_dataset.template_ids.unique():
            group = means_dataset.template_ids == template
            mean_z[group] = z[group].mean(dim=0)
        means[layer] = mean_z

    def ablate(z: Tensor, hook: HookPoint) -> Tensor:
        layer = hook.layer()
        return torch.where(keep[layer][..., None], z, means[layer])

    model.add_hook(is_z, ablate)
    return model
