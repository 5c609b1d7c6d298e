"""Oracles and fixtures the function-vector rooms' tests share (never imported by the player).

The oracles go the slow, obvious way (one prompt, head or layer at a time, hooks written out)
so that they stand apart from the reference solutions.
"""

from __future__ import annotations

import torch
from torch import Tensor

import icl_tasks as icl

FV_HEADS = [(1, 2), (2, 0), (1, 0), (2, 1)]  # the trained model's top heads for 'next' (assets/README.md)
GEN_FV_HEADS = [(1, 0), (2, 3), (2, 0), (1, 3)]  # the generation model's top heads for 'next'
STEER_LAYER, STEER_COEFF = 2, 2.0  # the steering case's layer and coefficient (assets/README.md)


def random_model(seed: int, n_layers: int = 2, n_heads: int = 3) -> icl.ICLTransformer:
    """An untrained model with the ICL vocabulary: any number it gives is arbitrary, so an
    answer tuned to the trained model cannot pass."""
    torch.manual_seed(seed)
    cfg = icl.ICLConfig(n_layers=n_layers, n_heads=n_heads, d_model=24, d_head=8, n_ctx=24,
                        d_vocab=len(icl.VOCAB), init_range=0.3, d_mlp=32)
    model = icl.ICLTransformer(cfg).eval()
    for name, p in model.named_parameters():
        p.requires_grad_(False)
        if name.endswith("b_O"):  # starts at zero: give the heads a bias that counts
            p.normal_(0, 0.3)
    return model


def last_resid(model, tokens: Tensor, layer: int, hook: str = "resid_post") -> Tensor:
    """(batch, d_model) residual at hook_{hook} of `layer` at the last position, one prompt
    at a time."""
    rows = []
    for row in tokens:
        name = f"blocks.{layer}.hook_{hook}"
        _, cache = model.run_with_cache(row[None], names_filter=name)
        rows.append(cache[name][0, -1])
    return torch.stack(rows)


def top_words(logits: Tensor) -> list[str]:
    """The argmax word at the last position of each prompt."""
    return [icl.VOCAB[int(logits[i, -1].argmax())] for i in range(logits.shape[0])]


def run_adding(model, tokens: Tensor, additions: dict[int, Tensor], hook: str = "resid_post") -> Tensor:
    """Logits with additions[layer] (d_model,) added to hook_{hook} of that layer at the last
    position, hooks attached with add_hook and removed by reset_hooks."""
    model.reset_hooks()
    for layer, vec in additions.items():
        def add(resid, hook, vec=vec):
            out = resid.clone()
            out[:, -1] = out[:, -1] + vec
            return out
        model.add_hook(f"blocks.{layer}.hook_{hook}", add)
    try:
        return model(tokens)
    finally:
        model.reset_hooks()


def correct_logprob(logits: Tensor, completions: Tensor) -> Tensor:
    """Mean over prompts of log p(right answer) at the last position, one prompt at a time."""
    total = torch.tensor(0.0)
    for i in range(logits.shape[0]):
        total = total + logits[i, -1].log_softmax(-1)[completions[i]]
    return total / logits.shape[0]


def head_patch_effects(model, dataset, layers) -> Tensor:
    """(len(layers), n_heads): gain in mean log p(right answer) on the corrupted prompts when
    one head's output at the last position is set to its clean mean. Patches hook_result
    (each head's output after W_O), where the rooms patch hook_z: the same head, another
    place."""
    corrupted = dataset.create_corrupted_dataset()
    _, clean = model.run_with_cache(dataset.toks)
    base = correct_logprob(model(corrupted.toks), dataset.completions)
    out = torch.zeros(len(layers), model.cfg.n_heads)
    for i, layer in enumerate(layers):
        name = f"blocks.{layer}.attn.hook_result"
        for head in range(model.cfg.n_heads):
            mean = clean[name][:, -1, head].mean(0)

            def patch(act, hook, head=head, mean=mean):
                act = act.clone()
                act[:, -1, head] = mean
                return act
            logits = model.run_with_hooks(corrupted.toks, fwd_hooks=[(name, patch)])
            out[i, head] = correct_logprob(logits, dataset.completions) - base
    return out


def fn_vector(model, dataset, head_list) -> Tensor:
    """Sum over (layer, head) of the head's mean output (hook_result) at the last position."""
    _, cache = model.run_with_cache(dataset.toks)
    out = torch.zeros(model.cfg.d_model)
    for layer, head in head_list:
        out = out + cache[f"blocks.{layer}.attn.hook_result"][:, -1, head].mean(0)
    return out


def generate_adding(model, prompt: Tensor, n_tokens: int, layer: int | None = None,
                    vec: Tensor | None = None) -> str:
    """Greedy continuation of `prompt` (seq,), one token per full forward pass; with `vec`
    added to resid_post of `layer` at the prompt's last position in every pass."""
    pos = prompt.shape[0] - 1
    tokens = prompt.clone()
    for _ in range(n_tokens):
        hooks = []
        if vec is not None:
            def add(resid, hook):
                out = resid.clone()
                out[:, pos] = out[:, pos] + vec
                return out
            hooks = [(f"blocks.{layer}.hook_resid_post", add)]
        logits = model.run_with_hooks(tokens[None], fwd_hooks=hooks)
        tokens = torch.cat([tokens, logits[0, -1].argmax().reshape(1)])
    return " ".join(icl.VOCAB[int(t)] for t in tokens[pos + 1:])


def scaled_vector(model, tokens: Tensor, hook_name: str, seed: int, scale: float = 0.4) -> Tensor:
    """A random direction, as long as `scale` times the mean norm of the activation at
    `hook_name` at the last position: big enough to change some answers, not all."""
    _, cache = model.run_with_cache(tokens, names_filter=hook_name)
    size = cache[hook_name][:, -1].norm(dim=-1).mean()
    vec = torch.randn(model.cfg.d_model, generator=torch.Generator().manual_seed(seed))
    return vec / vec.norm() * size * scale
