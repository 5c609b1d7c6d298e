"""bracket_tools: the helpers earlier rooms of dungeon 1.5 asked you to write, given here
so that later rooms can build on them (GIVEN code: import it, don't edit it).

- `get_activations(model, toks, names)`: one run_with_cache keeping only `names`; a str
  gives a tensor, a list an ActivationCache.            (room get-activations)
- `LN_hook_names(layernorm)`: the hook names of a LayerNorm's input and output.
                                                          (room get-activations)
- `get_post_final_ln_dir(model)`: W_U[:, 0] - W_U[:, 1].  (room post-final-ln-dir)
- `get_ln_fit(model, data, layernorm, seq_pos=None)`: (W, b, r2), the least-squares
  affine fit output ~ input @ W + b of a LayerNorm.       (room get-ln-fit)
- `get_pre_final_ln_dir(model, data)`: the "unbalanced" direction before ln_final at
  position 0.                                              (room pre-final-ln-dir)
- `get_out_by_components(model, data)`: (component, batch, seq, d_model), components
  [embed, 0.0, 0.1, mlp0, 1.0, 1.1, mlp1, 2.0, 2.1, mlp2]. (room out-by-components)
- `is_balanced_vectorized_return_both(toks)`: (total_elevation_failure,
  negative_failure), bool (batch,) each.                   (room failure-types)
"""

from __future__ import annotations

import torch
from torch import Tensor

from brackets import ActivationCache, BracketsDataset, HookedTransformer, LayerNorm, get_act_name


def get_activations(model: HookedTransformer, toks: Tensor, names: str | list[str]
                    ) -> Tensor | ActivationCache:
    wanted = [names] if isinstance(names, str) else list(names)
    _, cache = model.run_with_cache(toks, names_filter=wanted, return_type=None)
    return cache[names] if isinstance(names, str) else cache


def LN_hook_names(layernorm: LayerNorm) -> tuple[str, str]:
    if layernorm.name == "ln_final":
        return get_act_name("resid_post", layernorm.cfg.n_layers - 1), "ln_final.hook_normalized"
    _, layer, ln = layernorm.name.split(".")
    return (get_act_name("resid_pre" if ln == "ln1" else "resid_mid", int(layer)),
            f"{layernorm.name}.hook_normalized")


def get_post_final_ln_dir(model: HookedTransformer) -> Tensor:
    return model.W_U[:, 0] - model.W_U[:, 1]


def get_ln_fit(model: HookedTransformer, data: BracketsDataset, layernorm: LayerNorm,
               seq_pos: int | None = None) -> tuple[Tensor, Tensor, float]:
    before, after = LN_hook_names(layernorm)
    cache = get_activations(model, data.toks, [before, after])
    x, y = cache[before], cache[after]
    if seq_pos is None:
        x, y = x.flatten(0, 1), y.flatten(0, 1)
    else:
        x, y = x[:, seq_pos], y[:, seq_pos]
    x1 = torch.cat([x, torch.ones(len(x), 1)], dim=1).double()
    solution = torch.linalg.lstsq(x1, y.double(), driver="gelsd").solution
    residual = y.double() - x1 @ solution
    r2 = 1 - residual.pow(2).sum(0) / (y.double() - y.double().mean(0)).pow(2).sum(0)
    return solution[:-1].float(), solution[-1].float(), r2.mean().item()


def get_pre_final_ln_dir(model: HookedTransformer, data: BracketsDataset) -> Tensor:
    W, _, _ = get_ln_fit(model, data, model.ln_final, seq_pos=0)
    return W @ get_post_final_ln_dir(model)


def get_out_by_components(model: HookedTransformer, data: BracketsDataset) -> Tensor:
    names = ["hook_embed", "hook_pos_embed"] + [
        f"blocks.{l}.{hook}" for l in range(model.cfg.n_layers)
        for hook in ("attn.hook_result", "hook_mlp_out")]
    cache = get_activations(model, data.toks, names)
    out = [cache["hook_embed"] + cache["hook_pos_embed"]]
    for l in range(model.cfg.n_layers):
        out += list(cache["result", l].unbind(dim=2)) + [cache["mlp_out", l]]
    return torch.stack(out)


def is_balanced_vectorized_return_both(toks: Tensor) -> tuple[Tensor, Tensor]:
    elevation = torch.tensor([0, 0, 0, 1, -1])[toks].cumsum(dim=-1)
    return elevation[:, -1] != 0, elevation.min(dim=-1).values < 0
