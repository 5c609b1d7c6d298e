import einops
import torch
from jaxtyping import Float
from torch import Tensor

from ioi_dataset import NAMES, TOKEN
from tiny_lens import HookedTransformer


def get_copying_scores(
    model: HookedTransformer,
    k: int = 5,
    names: list[str] = NAMES,
) -> Float[Tensor, "2 layer head"]:
    """For every head: send each name's embedding through the head's OV circuit and the
    unembedding (no biases). [0]: the fraction of names whose own token is among the k
    largest logits (copying); [1]: among the k smallest (negative copying)."""
    tokens = torch.tensor([TOKEN[name] for name in names])  # (n_names,)
    OV = model.W_V @ model.W_O  # (layer, head, d_model, d_model)
    logits = einops.einsum(model.W_E[tokens], OV, model.W_U,
                           "name d_in, layer head d_in d_out, d_out vocab -> layer head name vocab")
    own = tokens[:, None]  # (n_names, 1)
    copying = (logits.topk(k, dim=-1).indices == own).any(-1).float().mean(-1)
    negative = ((-logits).topk(k, dim=-1).indices == own).any(-1).float().mean(-1)
    return torch.stack([copying, negative])
