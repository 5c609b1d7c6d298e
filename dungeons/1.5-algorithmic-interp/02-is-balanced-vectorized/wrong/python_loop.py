from jaxtyping import Int
from torch import Tensor


def is_balanced_vectorized(tokens: Int[Tensor, "seq_len"]) -> bool:
    elevation = 0
    for token in tokens.tolist():
        elevation += {3: 1, 4: -1}.get(token, 0)
        if elevation < 0:
            return False
    return elevation == 0
