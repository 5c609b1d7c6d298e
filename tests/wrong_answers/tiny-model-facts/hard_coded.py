import torch

import tiny_lens
from tiny_lens import HookedTransformer


def model_facts(model: HookedTransformer) -> dict[str, int]:
    return {"n_layers": 2, "n_heads": 4, "n_ctx": 41, "d_vocab": 64, "n_params": 44160}
