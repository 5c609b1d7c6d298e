import einops
from jaxtyping import Bool, Float
from torch import Tensor


def get_out_by_component_in_unbalanced_dir(
    out_by_components: Float[Tensor, "component batch seq d_model"],
    unbalanced_dir: Float[Tensor, "d_model"],
    isbal: Bool[Tensor, "batch"],
) -> Float[Tensor, "component batch"]:
    """Each component's output at position 0 projected onto `unbalanced_dir` (a dot
    product), minus that component's mean projection over the balanced strings (isbal),
    so that 0 means "as on a typical balanced string". (component, batch)."""
    along = einops.einsum(out_by_components[:, :, 0], unbalanced_dir,
                          "component batch d_model, d_model -> component batch")
    return along - along[:, isbal].mean(dim=1, keepdim=True)
