"""brackets: the balanced-bracket classifier of dungeon 1.5, its tokenizer and its data.

GIVEN code: read it and import from it, don't edit it (grading uses the shipped copy).
It builds on `tiny_lens` (dungeon 1.2's TransformerLens look-alike, copied beside it):
the hooks, the cache and the weight properties are tiny_lens's; what is new here is a
*bidirectional* transformer with LayerNorm and MLPs that classifies a whole string.

- `SimpleTokenizer`: tokens `[start]` 0, `[pad]` 1, `[end]` 2, `(` 3, `)` 4.
  `tokenize("(()")` -> `tensor([[0, 3, 3, 4, 2]])`; a list is padded with 1 to its longest.
- `BracketsDataset(pairs)`: from `[(string, is_balanced), ...]`; fields `strs`, `isbal`
  (bool, batch), `toks` (batch, seq), `open_proportion`, `starts_open`; `ds[:10]` slices.
- `Config`, `HookedTransformer` (alias `BracketTransformer`): 3 layers, 2 heads, LayerNorm
  before every attention layer and MLP and one at the end (`ln_final`), ReLU MLPs, learned
  positions added to the residual stream, **no causal mask** (every position sees every
  other; `[pad]` keys are masked out), two logits per position: index 0 = unbalanced,
  1 = balanced. The classification is read at position 0, the `[start]` token:
  `model(toks)[:, 0]` is (batch, 2).
- `get_act_name(name, layer=None, layer_type=None)`: tiny_lens's names plus
  ("pre"/"post", l) -> "blocks.l.mlp.hook_pre/post", ("normalized"/"scale", l, "ln1") ->
  "blocks.l.ln1.hook_normalized", ("normalized") -> "ln_final.hook_normalized".
- `load_model()`, `load_data(n=None)`: the shipped model and data (../assets/).

Hook names (l = layer), shapes (batch, pos, ...):
  hook_tokens (batch, pos); hook_embed, hook_pos_embed                     (batch, pos, d_model)
  blocks.{l}.hook_resid_pre / hook_attn_out / hook_resid_mid / hook_mlp_out / hook_resid_post
  blocks.{l}.ln1.hook_scale (batch, pos, 1), blocks.{l}.ln1.hook_normalized (batch, pos, d_model)
    (and ln2, before the MLP; ln_final.hook_scale / ln_final.hook_normalized at the end)
  blocks.{l}.attn.hook_q / hook_k / hook_v / hook_z                       (batch, pos, head, d_head)
  blocks.{l}.attn.hook_attn_scores / hook_pattern                      (batch, head, q_pos, k_pos)
  blocks.{l}.attn.hook_result                                          (batch, pos, head, d_model)
  blocks.{l}.mlp.hook_pre / hook_post                                      (batch, pos, d_mlp)
A LayerNorm's `hook_normalized` is its output (after the weight w and bias b).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import Tensor, nn

import tiny_lens
from tiny_lens import FactoredMatrix, HookPoint  # noqa: F401  (re-exported for the rooms)

# --------------------------------------------------------------------------- tokens and data


class SimpleTokenizer:
    START_TOKEN, PAD_TOKEN, END_TOKEN = 0, 1, 2

    def __init__(self, alphabet: str = "()"):
        self.alphabet = alphabet
        self.t_to_i = {"[start]": 0, "[pad]": 1, "[end]": 2}
        self.t_to_i.update({c: 3 + i for i, c in enumerate(alphabet)})
        self.i_to_t = {i: c for c, i in self.t_to_i.items()}

    def tokenize(self, strs: str | list[str], max_len: int | None = None) -> Tensor:
        """(batch, 2 + longest) int64: [start], the characters, [end], then [pad]s."""
        if isinstance(strs, str):
            strs = [strs]
        width = 2 + (max_len if max_len is not None else max((len(s) for s in strs), default=0))
        toks = torch.full((len(strs), width), self.PAD_TOKEN, dtype=torch.long)
        for row, s in enumerate(strs):
            ids = [self.START_TOKEN] + [self.t_to_i[c] for c in s] + [self.END_TOKEN]
            toks[row, : len(ids)] = torch.tensor(ids)
        return toks

    def decode(self, tokens: Tensor) -> list[str]:
        """Back to strings, dropping [start], [end] and [pad]."""
        if tokens.ndim == 1:
            tokens = tokens[None]
        return ["".join(self.i_to_t[int(i)] for i in row if int(i) > 2) for row in tokens]


class BracketsDataset:
    """A list of (string, is_balanced) pairs, tokenized once."""

    def __init__(self, pairs: list[tuple[str, bool]], tokenizer: SimpleTokenizer | None = None):
        self.tokenizer = tokenizer or SimpleTokenizer("()")
        self.pairs = [(s, bool(b)) for s, b in pairs]
        self.strs = [s for s, _ in self.pairs]
        self.isbal = torch.tensor([b for _, b in self.pairs], dtype=torch.bool)
        self.toks = self.tokenizer.tokenize(self.strs)
        self.open_proportion = torch.tensor([s.count("(") / max(len(s), 1) for s in self.strs])
        self.starts_open = torch.tensor([s.startswith("(") for s in self.strs], dtype=torch.bool)

    @property
    def seq_length(self) -> int:
        return self.toks.shape[1]

    def __len__(self) -> int:
        return len(self.pairs)

    def __getitem__(self, idx) -> "BracketsDataset | tuple[str, bool]":
        if isinstance(idx, int):
            return self.pairs[idx]
        return BracketsDataset(self.pairs[idx], self.tokenizer)


# --------------------------------------------------------------------------- names and cache

_MLP_NAMES = {"pre", "post"}
_LN_NAMES = {"scale", "normalized"}


def get_act_name(name: str, layer: int | None = None, layer_type: str | None = None) -> str:
    """Full hook name from a short one, as in TransformerLens: ("resid_post", 2) ->
    "blocks.2.hook_resid_post", ("post", 0) -> "blocks.0.mlp.hook_post",
    ("normalized", 1, "ln2") -> "blocks.1.ln2.hook_normalized",
    ("normalized") -> "ln_final.hook_normalized"."""
    if "." in name or name.startswith("hook_"):
        return name
    if name in _LN_NAMES:
        if layer is None:
            return f"ln_final.hook_{name}"
        return f"blocks.{layer}.{layer_type or 'ln1'}.hook_{name}"
    if name in _MLP_NAMES and layer is not None:
        return f"blocks.{layer}.mlp.hook_{name}"
    return tiny_lens.get_act_name(name, layer)


class ActivationCache(tiny_lens.ActivationCache):
    """tiny_lens's cache, keyed with this module's get_act_name (so cache["post", 0] and
    cache["normalized", 1, "ln1"] work too)."""

    def _key(self, key) -> str:
        return get_act_name(*key) if isinstance(key, tuple) else get_act_name(key)


# --------------------------------------------------------------------------- model


@dataclass
class Config(tiny_lens.Config):
    n_layers: int = 3
    n_heads: int = 2
    d_model: int = 56
    d_head: int = 28
    n_ctx: int = 42
    d_vocab: int = 5
    init_range: float = 0.1
    d_mlp: int = 56
    d_vocab_out: int = 2
    eps: float = 1e-5


class LayerNorm(nn.Module):
    """x - mean, divided by scale = sqrt(mean square + eps) (hook_scale), then * w + b
    (hook_normalized is the output)."""

    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg, self.eps = cfg, cfg.eps
        self.w = nn.Parameter(torch.ones(cfg.d_model))
        self.b = nn.Parameter(torch.zeros(cfg.d_model))
        self.hook_scale = HookPoint()
        self.hook_normalized = HookPoint()
        self.name = ""  # its module path, e.g. "blocks.1.ln2" or "ln_final"

    def forward(self, x: Tensor) -> Tensor:
        x = x - x.mean(dim=-1, keepdim=True)
        scale = self.hook_scale((x.pow(2).mean(dim=-1, keepdim=True) + self.eps).sqrt())
        return self.hook_normalized(x / scale * self.w + self.b)


class Attention(tiny_lens.Attention):
    """tiny_lens's attention (same weights and hooks) without the causal mask: every query
    sees every key except the [pad] ones."""

    def forward(self, x: Tensor, pad: Tensor) -> Tensor:  # x (batch, pos, d_model), pad (batch, pos)
        q = self.hook_q(torch.einsum("bpd,hde->bphe", x, self.W_Q) + self.b_Q)
        k = self.hook_k(torch.einsum("bpd,hde->bphe", x, self.W_K) + self.b_K)
        v = self.hook_v(torch.einsum("bpd,hde->bphe", x, self.W_V) + self.b_V)
        scores = torch.einsum("bqhe,bkhe->bhqk", q, k) / math.sqrt(self.cfg.d_head)
        scores = self.hook_attn_scores(scores.masked_fill(pad[:, None, None, :], -1e5))
        pattern = self.hook_pattern(scores.softmax(dim=-1))
        z = self.hook_z(torch.einsum("bhqk,bkhe->bqhe", pattern, v))
        result = self.hook_result(torch.einsum("bqhe,hed->bqhd", z, self.W_O))
        return result.sum(dim=2) + self.b_O


class MLP(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        r = cfg.init_range
        self.W_in = nn.Parameter(torch.randn(cfg.d_model, cfg.d_mlp) * r)
        self.b_in = nn.Parameter(torch.zeros(cfg.d_mlp))
        self.W_out = nn.Parameter(torch.randn(cfg.d_mlp, cfg.d_model) * r)
        self.b_out = nn.Parameter(torch.zeros(cfg.d_model))
        self.hook_pre = HookPoint()
        self.hook_post = HookPoint()

    def forward(self, x: Tensor) -> Tensor:
        pre = self.hook_pre(x @ self.W_in + self.b_in)
        post = self.hook_post(torch.relu(pre))
        return post @ self.W_out + self.b_out


class Block(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.ln1, self.attn = LayerNorm(cfg), Attention(cfg)
        self.ln2, self.mlp = LayerNorm(cfg), MLP(cfg)
        for name in ["resid_pre", "attn_out", "resid_mid", "mlp_out", "resid_post"]:
            setattr(self, f"hook_{name}", HookPoint())

    def forward(self, resid: Tensor, pad: Tensor) -> Tensor:
        resid = self.hook_resid_pre(resid)
        resid = self.hook_resid_mid(resid + self.hook_attn_out(self.attn(self.ln1(resid), pad)))
        return self.hook_resid_post(resid + self.hook_mlp_out(self.mlp(self.ln2(resid))))


class Unembed(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.W_U = nn.Parameter(torch.randn(cfg.d_model, cfg.d_vocab_out) * cfg.init_range)
        self.b_U = nn.Parameter(torch.zeros(cfg.d_vocab_out))

    def forward(self, x: Tensor) -> Tensor:
        return x @ self.W_U + self.b_U


class HookedTransformer(tiny_lens.HookedTransformer):
    """The bracket classifier. model(toks) -> logits (batch, pos, 2); read position 0."""

    def __init__(self, cfg: Config):
        nn.Module.__init__(self)
        self.cfg = cfg
        self.hook_tokens = HookPoint()
        self.embed = tiny_lens.Embed(cfg)
        self.hook_embed = HookPoint()
        self.pos_embed = tiny_lens.PosEmbed(cfg)
        self.hook_pos_embed = HookPoint()
        self.blocks = nn.ModuleList([Block(cfg) for _ in range(cfg.n_layers)])
        self.ln_final = LayerNorm(cfg)
        self.unembed = Unembed(cfg)
        self.hook_dict: dict[str, HookPoint] = {}
        for name, module in self.named_modules():
            if isinstance(module, HookPoint):
                module.name = name
                self.hook_dict[name] = module
            elif isinstance(module, LayerNorm):
                module.name = name

    def forward(self, tokens: Tensor, return_type: str | None = "logits"):
        """tokens (batch, pos) or (pos,) -> logits (batch, pos, 2), or None."""
        if tokens.ndim == 1:
            tokens = tokens[None]
        tokens = self.hook_tokens(tokens)
        pad = tokens == SimpleTokenizer.PAD_TOKEN
        resid = self.hook_embed(self.embed(tokens)) + self.hook_pos_embed(self.pos_embed(tokens))
        for block in self.blocks:
            resid = block(resid, pad)
        logits = self.unembed(self.ln_final(resid))
        return None if return_type is None else logits

    def run_with_cache(self, tokens: Tensor, names_filter=None, remove_batch_dim: bool = False,
                       **forward_kwargs):
        """As tiny_lens's, with this module's ActivationCache (MLP and LayerNorm names)."""
        out, cache = super().run_with_cache(tokens, names_filter, False, **forward_kwargs)
        cache = ActivationCache(cache.cache_dict)
        return out, (cache.remove_batch_dim() if remove_batch_dim else cache)

    def _stack_mlp(self, name: str) -> Tensor:
        return torch.stack([getattr(block.mlp, name) for block in self.blocks])

    W_in = property(lambda self: self._stack_mlp("W_in"))  # (n_layers, d_model, d_mlp)
    b_in = property(lambda self: self._stack_mlp("b_in"))  # (n_layers, d_mlp)
    W_out = property(lambda self: self._stack_mlp("W_out"))  # (n_layers, d_mlp, d_model)
    b_out = property(lambda self: self._stack_mlp("b_out"))  # (n_layers, d_model)


BracketTransformer = HookedTransformer

# --------------------------------------------------------------------------- loading

ASSETS = Path(__file__).resolve().parent.parent / "assets"
MODEL_FILE, DATA_FILE = "brackets_model.pt", "brackets_data.json"


def _find_asset(name: str) -> Path:
    """../assets beside the shipped copy; from a workspace copy, ask arena_dungeon."""
    if (ASSETS / name).is_file():
        return ASSETS / name
    from arena_dungeon.content import content_root

    return content_root() / "dungeons" / "1.5-algorithmic-interp" / "assets" / name


def load_model(path: str | Path | None = None) -> HookedTransformer:
    """The trained classifier (float32, eval mode, no gradients)."""
    checkpoint = torch.load(path or _find_asset(MODEL_FILE), map_location="cpu", weights_only=True)
    model = HookedTransformer(Config(**checkpoint["config"]))
    model.load_state_dict({k: v.float() for k, v in checkpoint["state_dict"].items()})
    model.eval()
    for p in model.parameters():
        p.requires_grad_(False)
    return model


def load_data(n: int | None = None) -> BracketsDataset:
    """The shipped held-out strings (the first n of them), as a BracketsDataset."""
    pairs = json.loads(_find_asset(DATA_FILE).read_text())
    return BracketsDataset([tuple(p) for p in pairs[:n]])
