
from tiny_lens import FactoredMatrix, HookedTransformer


def full_ov_circuit(model: HookedTransformer, layer: int, head: int) -> FactoredMatrix:
    """The full OV circuit W_E @ W_V[layer, head] @ W_O[layer, head] @ W_U of one head,
    as a FactoredMatrix of shape (d_vocab, d_vocab), kept in factors."""
    W_V, W_O = model.W_V[layer, head], model.W_O[layer, head]
    return FactoredMatrix(model.W_E @ W_V, W_O @ model.W_U)
