from einops import rearrange

from tiny_lens import FactoredMatrix, HookedTransformer


def effective_ov_circuit(model: HookedTransformer, layer: int, heads: list[int]) -> FactoredMatrix:
    """The summed full OV circuit of heads `heads` in `layer`, as one FactoredMatrix with
    hidden dim len(heads) * d_head."""
    W_V = rearrange(model.W_V[layer, heads], "head d_model d_head -> d_model (head d_head)")
    W_O = rearrange(model.W_O[layer, heads], "head d_head d_model -> (head d_head) d_model")
    return FactoredMatrix(model.W_E @ W_V, W_O @ model.W_U)
