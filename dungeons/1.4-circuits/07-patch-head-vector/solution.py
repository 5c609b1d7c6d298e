from jaxtyping import Float
from torch import Tensor

from tiny_lens import ActivationCache, HookPoint


def patch_head_vector(
    corrupted_head_vector: Float[Tensor, "batch pos head_index d_head"],
    hook: HookPoint,
    head_index: int,
    clean_cache: ActivationCache,
) -> Float[Tensor, "batch pos head_index d_head"]:
    """Hook on a per-head activation (hook_z, hook_q, hook_k, hook_v): overwrite head
    `head_index`, at every position, with its value in the clean run. Other heads keep
    their corrupted values. Returns the patched activation."""
    corrupted_head_vector[:, :, head_index] = clean_cache[hook.name][:, :, head_index]
    return corrupted_head_vector
