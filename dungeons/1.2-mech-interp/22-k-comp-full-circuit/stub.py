import torch
from jaxtyping import Float
from torch import Tensor

from tiny_lens import FactoredMatrix, HookedTransformer, load_model


def find_K_comp_full_circuit(model: HookedTransformer, prev_token_head_index: int,
                             ind_head_index: int) -> FactoredMatrix:
    """Token-to-token K-composition circuit between head 0.prev_token_head_index and head
    1.ind_head_index: (W_E W_Q[1, i]) @ (W_E W_V[0, p] W_O[0, p] W_K[1, i])^T, shape
    (d_vocab, d_vocab), rows = query token, columns = key-side source token.

    Example: find_K_comp_full_circuit(load_model(), 2, 3).shape == (64, 64).
    """
    raise NotImplementedError
