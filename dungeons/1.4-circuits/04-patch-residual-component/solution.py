from jaxtyping import Float
from torch import Tensor

from tiny_lens import ActivationCache, HookPoint


def patch_residual_component(
    corrupted_residual_component: Float[Tensor, "batch pos d_model"],
    hook: HookPoint,
    pos: int,
    clean_cache: ActivationCache,
) -> Float[Tensor, "batch pos d_model"]:
    """Hook: overwrite position `pos` of this activation (every prompt, every d_model
    entry) with its value in the clean run, found in clean_cache under this hook's name.
    Returns the patched activation."""
    corrupted_residual_component[:, pos] = clean_cache[hook.name][:, pos]
    return corrupted_residual_component
