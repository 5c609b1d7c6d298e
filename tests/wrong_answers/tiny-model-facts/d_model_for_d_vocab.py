import torch

import tiny_lens
from tiny_lens import HookedTransformer


def model_facts(model: HookedTransformer) -> dict[str, int]:
    cfg = model.cfg
    return {
        "n_layers": cfg.n_layers,
        "n_heads": cfg.n_heads,
        "n_ctx": cfg.n_ctx,
        "d_vocab": cfg.d_model,
        "n_params": sum(p.numel() for p in model.parameters()),
    }
