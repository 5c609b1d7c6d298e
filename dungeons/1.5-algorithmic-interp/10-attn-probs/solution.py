from jaxtyping import Float
from torch import Tensor

import brackets
from bracket_tools import get_activations
from brackets import BracketsDataset


def get_attn_probs(
    model: brackets.HookedTransformer, data: BracketsDataset, layer: int, head: int
) -> Float[Tensor, "batch seqQ seqK"]:
    """Head `layer.head`'s attention probabilities on data.toks: (batch, seqQ, seqK), each
    row (a query) summing to 1 over the keys. From blocks.{layer}.attn.hook_pattern,
    which is (batch, head, seqQ, seqK)."""
    pattern = get_activations(model, data.toks, f"blocks.{layer}.attn.hook_pattern")
    return pattern[:, head]
