import einops
from jaxtyping import Float
from torch import Tensor

import brackets
from bracket_tools import get_activations
from brackets import BracketsDataset


def get_out_by_neuron(
    model: brackets.HookedTransformer, data: BracketsDataset, layer: int, seq: int | None = None
) -> Float[Tensor, "batch *seq neuron d_model"]:
    """What each neuron of MLP `layer` writes into the residual stream, on data.toks:
    out[b, s, i] = post[b, s, i] * W_out[layer, i], with post = blocks.{layer}.mlp.hook_post
    (batch, seq, d_mlp) and W_out[layer] (d_mlp, d_model). (batch, seq, d_mlp, d_model);
    with seq an int, only that position: (batch, d_mlp, d_model). Use einsum.
    """
    post = get_activations(model, data.toks, f"blocks.{layer}.mlp.hook_post")
    if seq is not None:
        post = post[:, seq : seq + 1]
    out = einops.einsum(post, model.W_out[layer], "batch seq neuron, neuron d_model -> batch seq neuron d_model")
    return out if seq is None else out[:, 0]
