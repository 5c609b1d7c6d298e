import torch
from jaxtyping import Float
from torch import Tensor

from icl_tasks import ICLDataset
from tiny_lens import HookedTransformer, get_act_name


def calculate_fn_vectors_and_intervene(
    model: HookedTransformer, dataset: ICLDataset, layers: list[int] | None = None
) -> Float[Tensor, "layers heads"]:
    """For every layer in `layers` (all if None) and every head: run the corrupted prompts
    (dataset.create_corrupted_dataset()) with that head's z at the last position set to
    its mean over the clean prompts; record the mean log-probability of the right answer
    minus its value on the corrupted run without any patch."""
    layers = list(range(model.cfg.n_layers)) if layers is None else layers
    corrupted = dataset.create_corrupted_dataset()
    rows = torch.arange(len(dataset))

    def correct_logprob(logits: Float[Tensor, "batch seq d_vocab"]) -> Tensor:
        return logits[:, -1].log_softmax(dim=-1)[rows, dataset.completions].mean()

    _, clean_cache = model.run_with_cache(dataset.toks, names_filter=lambda n: n.endswith("hook_z"))
    baseline = correct_logprob(model(corrupted.toks))
    results = torch.zeros(len(layers), model.cfg.n_heads)
    for i, layer in enumerate(layers):
        mean_z = clean_cache["z", layer][:, -1].mean(dim=0)  # (head, d_head)
        for head in range(model.cfg.n_heads):
            def patch(z, hook, head=head, mean_z=mean_z):
                z[:, -1, head] = mean_z[head]
                return z
            logits = model.run_with_hooks(corrupted.toks, fwd_hooks=[(get_act_name("z", layer), patch)])
            results[i, head] = correct_logprob(logits) - baseline
    return results
