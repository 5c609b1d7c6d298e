import torch
from jaxtyping import Float
from torch import Tensor

import brackets
from bracket_tools import get_activations
from brackets import BracketsDataset


def get_out_by_components(
    model: brackets.HookedTransformer, data: BracketsDataset
) -> Float[Tensor, "component batch seq_pos emb"]:
    """What each component writes into the residual stream, on data.toks.

    Components in order: the embeddings (token + position), then for each layer its heads
    one by one and then its MLP. For the 3-layer, 2-head model that is 10:
    [embed, 0.0, 0.1, mlp0, 1.0, 1.1, mlp1, 2.0, 2.1, mlp2]. Heads' outputs exclude the
    attention bias b_O. Returns (1 + n_layers * (n_heads + 1), batch, seq, d_model).
    """
    names = ["hook_embed", "hook_pos_embed"]
    for layer in range(model.cfg.n_layers):
        names += [f"blocks.{layer}.attn.hook_result", f"blocks.{layer}.hook_mlp_out"]
    cache = get_activations(model, data.toks, names)
    parts = [cache["hook_embed"] + cache["hook_pos_embed"]]
    for layer in range(model.cfg.n_layers):
        result = cache[f"blocks.{layer}.attn.hook_result"]  # (batch, seq, head, d_model)
        parts += [result[:, :, head] for head in range(model.cfg.n_heads)]
        parts.append(cache[f"blocks.{layer}.hook_mlp_out"])
    return torch.stack(parts)
