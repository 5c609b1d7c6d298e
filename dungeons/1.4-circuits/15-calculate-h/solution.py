from jaxtyping import Float
from torch import Tensor

from icl_tasks import ICLDataset, decode
from tiny_lens import HookedTransformer, get_act_name


def calculate_h(
    model: HookedTransformer, dataset: ICLDataset, layer: int = -1
) -> tuple[list[str], Float[Tensor, "d_model"]]:
    """Run the dataset's prompts once. Return the model's top word at the last position of
    each prompt, and h: the residual stream after block `layer` (hook_resid_post) at the
    last position, averaged over the prompts. layer=-1 is the last block."""
    layer = layer % model.cfg.n_layers
    name = get_act_name("resid_post", layer)
    logits, cache = model.run_with_cache(dataset.toks, names_filter=name)
    completions = decode(logits[:, -1].argmax(dim=-1))
    h = cache[name][:, -1].mean(dim=0)
    return completions, h
