"""patching: the 1.4 rooms' answers that later rooms build on, plus small helpers.

GIVEN code: read it and import from it, but don't edit it (grading uses the shipped copy).
Each function is the one an earlier room asked you to write, so a later room can call it
without your copy: `logits_to_ave_logit_diff` (room 1), `ioi_metric` (room 3),
`patch_residual_component` (room 4), `patch_head_vector` (room 7),
`get_heads_and_posns_to_keep` (room 13).
Path patching's freezing hook is in `path_patching.py`.
"""

from __future__ import annotations

import torch
from jaxtyping import Bool, Float, Int
from torch import Tensor

from tiny_lens import ActivationCache, HookedTransformer, HookPoint


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


def get_heads_and_posns_to_keep(
    means_dataset,
    model: HookedTransformer,
    circuit: dict[str, list[tuple[int, int]]],
    seq_pos_to_keep: dict[str, str],
) -> dict[int, Bool[Tensor, "batch seq head"]]:
    """Per layer, True at (prompt, position, head) where a circuit role keeps that head."""
    batch, seq = means_dataset.toks.shape
    rows = torch.arange(batch)
    masks = {}
    for layer in range(model.cfg.n_layers):
        mask = torch.zeros(batch, seq, model.cfg.n_heads, dtype=torch.bool)
        for role, heads in circuit.items():
            positions = means_dataset.word_idx[seq_pos_to_keep[role]]
            for head_layer, head in heads:
                if head_layer == layer:
                    mask[rows, positions, head] = True
        masks[layer] = mask
    return masks
