"""patching: the 1.4 rooms' answers that later rooms build on, plus small helpers.

GIVEN code: read it and import from it, but don't edit it (grading uses the shipped copy).
Each function is the one an earlier room asked you to write, so a later room can call it
without your copy: `logits_to_ave_logit_diff` (room 1), `ioi_metric` (room 3),
`patch_residual_component` (room 4), `patch_head_vector` (room 7).
Path patching's freezing hook is in `path_patching.py`.
"""

from __future__ import annotations

from jaxtyping import Float, Int
from torch import Tensor

from tiny_lens import ActivationCache, HookPoint


def logits_to_ave_logit_diff(
    logits: Float[Tensor, "batch seq d_vocab"],
    answer_tokens: Int[Tensor, "batch 2"],
    per_prompt: bool = False,
) -> Float[Tensor, "*batch"]:
    """logit(correct) - logit(wrong) at the last position; mean unless per_prompt."""
    pair = logits[:, -1].gather(-1, answer_tokens)
    diff = pair[:, 0] - pair[:, 1]
    return diff if per_prompt else diff.mean()


def ioi_metric(
    logits: Float[Tensor, "batch seq d_vocab"],
    answer_tokens: Int[Tensor, "batch 2"],
    corrupted_logit_diff: float,
    clean_logit_diff: float,
) -> Float[Tensor, ""]:
    """The logit difference rescaled: 0 = corrupted, 1 = clean."""
    diff = logits_to_ave_logit_diff(logits, answer_tokens)
    return (diff - corrupted_logit_diff) / (clean_logit_diff - corrupted_logit_diff)


def patch_residual_component(
    corrupted_residual_component: Float[Tensor, "batch pos d_model"],
    hook: HookPoint,
    pos: int,
    clean_cache: ActivationCache,
) -> Float[Tensor, "batch pos d_model"]:
    """Hook: overwrite position `pos` with its value in the clean run."""
    corrupted_residual_component[:, pos] = clean_cache[hook.name][:, pos]
    return corrupted_residual_component


def patch_head_vector(
    corrupted_head_vector: Float[Tensor, "batch pos head_index d_head"],
    hook: HookPoint,
    head_index: int,
    clean_cache: ActivationCache,
) -> Float[Tensor, "batch pos head_index d_head"]:
    """Hook: overwrite one head's vector, at every position, with its clean value."""
    corrupted_head_vector[:, :, head_index] = clean_cache[hook.name][:, :, head_index]
    return corrupted_head_vector
