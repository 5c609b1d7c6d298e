import torch

import tiny_lens
from tiny_lens import HookedTransformer


def model_facts(model: HookedTransformer) -> dict[str, int]:
    """The model's size at a glance.

    Returns {"n_layers": int, "n_heads": int, "n_ctx": int, "d_vocab": int,
    "n_params": int}: the first four from model.cfg, n_params = the total number of
    elements in all of model.parameters().
    Example: model_facts(tiny_lens.load_model())["n_params"] == 44160.
    """
    raise NotImplementedError
