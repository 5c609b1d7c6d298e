
from tiny_lens import FactoredMatrix, HookedTransformer


def find_K_comp_full_circuit(model: HookedTransformer, prev_token_head_index: int,
                             ind_head_index: int) -> FactoredMatrix:
    """Token-to-token K-composition circuit between head 0.prev_token_head_index and head
    1.ind_head_index, shape (d_vocab, d_vocab), rows = query token, columns = key source token."""
    W_E = model.W_E
    query_side = W_E @ model.W_Q[1, ind_head_index]
    key_side = W_E @ model.W_V[0, prev_token_head_index] @ model.W_O[0, prev_token_head_index] @ model.W_K[
        1, ind_head_index
    ]
    return FactoredMatrix(query_side, key_side.T)
