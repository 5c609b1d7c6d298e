"""Code shared by the 1.1 room tests: reference oracles, the tiny character model, sampling helpers.

Tests load it with `load_asset_module(__file__, "reference")`. Three parts:

- the functional transformer oracle (rooms attention .. demo-transformer): the shared
  config `CFG`, parameter specs, seeded random parameters, `load` into the player's module,
  and `ref_attention` / `ref_mlp` / `ref_ln` / `ref_block` built from torch built-ins;
- the tiny character model `tiny_lm.pt` run by torch built-ins (`tiny_lm`, `CharTokenizer`)
  and a plain `generate` loop (sampler, sampling and beam-search rooms);
- token frequencies over many seeded draws from `LOGITS` (sampling rooms).
"""

from pathlib import Path
from types import SimpleNamespace

import torch
import torch.nn.functional as F

from arena_dungeon.testing import assert_tensor_close, fail

# --- the functional transformer oracle ------------------------------------------------

CFG = dict(d_model=32, debug=False, layer_norm_eps=1e-5, d_vocab=40, init_range=0.02,
           n_ctx=16, d_head=8, d_mlp=64, n_heads=4, n_layers=2)
H, D, E, M, V = CFG["n_heads"], CFG["d_model"], CFG["d_head"], CFG["d_mlp"], CFG["d_vocab"]


def attn_spec(prefix=""):
    return {prefix + "W_Q": (H, D, E), prefix + "W_K": (H, D, E), prefix + "W_V": (H, D, E),
            prefix + "W_O": (H, E, D), prefix + "b_Q": (H, E), prefix + "b_K": (H, E),
            prefix + "b_V": (H, E), prefix + "b_O": (D,)}


def mlp_spec(prefix=""):
    return {prefix + "W_in": (D, M), prefix + "b_in": (M,), prefix + "W_out": (M, D),
            prefix + "b_out": (D,)}


def ln_spec(prefix=""):
    return {prefix + "w": (D,), prefix + "b": (D,)}


def random_params(spec, seed, scale=0.3):
    """One random value per parameter: LayerNorm weights near 1, everything else N(0, scale)."""
    g = torch.Generator().manual_seed(seed)
    out = {}
    for name, shape in spec.items():
        x = torch.randn(shape, generator=g)
        out[name] = 1 + 0.2 * x if name.endswith(".w") or name == "w" else scale * x
    return out


def load(module, params):
    """Load the shared random values into the player's module (IGNORE buffers stay)."""
    try:
        missing, unexpected = module.load_state_dict(params, strict=False)
    except RuntimeError as exc:
        fail("could not load parameters into your module: keep the names and shapes from the "
             "stub's __init__", kind="shape", details=str(exc))
    missing = [m for m in missing if not m.endswith("IGNORE")]
    if missing or unexpected:
        fail(f"parameter names differ from the stub's: missing {missing}, unexpected "
             f"{unexpected}", kind="type")
    return module


def ref_attention(p, x, prefix=""):
    """Oracle: the same projections, then torch's scaled_dot_product_attention (causal)."""
    q = torch.einsum("bpd,hde->bhpe", x, p[prefix + "W_Q"]) + p[prefix + "b_Q"][:, None]
    k = torch.einsum("bpd,hde->bhpe", x, p[prefix + "W_K"]) + p[prefix + "b_K"][:, None]
    v = torch.einsum("bpd,hde->bhpe", x, p[prefix + "W_V"]) + p[prefix + "b_V"][:, None]
    z = F.scaled_dot_product_attention(q, k, v, is_causal=True)
    return torch.einsum("bhpe,hed->bpd", z, p[prefix + "W_O"]) + p[prefix + "b_O"]


def ref_mlp(p, x, prefix=""):
    hidden = F.gelu(F.linear(x, p[prefix + "W_in"].T, p[prefix + "b_in"]), approximate="tanh")
    return F.linear(hidden, p[prefix + "W_out"].T, p[prefix + "b_out"])


def ref_ln(p, x, prefix=""):
    return F.layer_norm(x, (D,), p[prefix + "w"], p[prefix + "b"], CFG["layer_norm_eps"])


def ref_block(p, x, prefix=""):
    mid = x + ref_attention(p, ref_ln(p, x, prefix + "ln1."), prefix + "attn.")
    return mid + ref_mlp(p, ref_ln(p, mid, prefix + "ln2."), prefix + "mlp.")


# --- the tiny character model ---------------------------------------------------------

ASSET = Path(__file__).resolve().parent / "tiny_lm.pt"


class TinyLM(torch.nn.Module):
    """The dungeon's tiny character model (scripts/train_tiny_lm.py), run by torch built-ins."""

    def __init__(self):
        super().__init__()
        blob = torch.load(ASSET, weights_only=True)
        self.p = blob["state_dict"]
        c = blob["config"]
        self.cfg = SimpleNamespace(**c)
        self.vocab, self.eos = blob["vocab"], blob["eos"]

    def forward(self, tokens):
        p, c = self.p, self.cfg
        if tokens.shape[1] > c.n_ctx:
            raise IndexError(f"the model got {tokens.shape[1]} positions, more than n_ctx={c.n_ctx}")
        x = F.embedding(tokens, p["embed.W_E"]) + p["pos_embed.W_pos"][: tokens.shape[1]]
        for i in range(c.n_layers):
            b = f"blocks.{i}."
            h = F.layer_norm(x, (c.d_model,), p[b + "ln1.w"], p[b + "ln1.b"], c.layer_norm_eps)
            q, k, v = (torch.einsum("bpd,hde->bhpe", h, p[b + f"attn.W_{n}"]) + p[b + f"attn.b_{n}"][:, None]
                       for n in "QKV")
            z = F.scaled_dot_product_attention(q, k, v, is_causal=True)
            x = x + torch.einsum("bhpe,hed->bpd", z, p[b + "attn.W_O"]) + p[b + "attn.b_O"]
            h = F.layer_norm(x, (c.d_model,), p[b + "ln2.w"], p[b + "ln2.b"], c.layer_norm_eps)
            x = x + F.gelu(h @ p[b + "mlp.W_in"] + p[b + "mlp.b_in"], approximate="tanh") @ p[b + "mlp.W_out"] + p[b + "mlp.b_out"]
        x = F.layer_norm(x, (c.d_model,), p["ln_final.w"], p["ln_final.b"], c.layer_norm_eps)
        return x @ p["unembed.W_U"] + p["unembed.b_U"]


class CharTokenizer:
    def __init__(self, vocab, eos):
        self.vocab = vocab
        self.eos_token_id = vocab.index(eos)

    def encode(self, text):
        return torch.tensor([self.vocab.index(ch) for ch in text], dtype=torch.long)

    def decode(self, tokens):
        return "".join(self.vocab[int(i)] for i in tokens)


_MODEL = None


def tiny_lm():
    global _MODEL
    if _MODEL is None:
        _MODEL = TinyLM().eval()
    return _MODEL, CharTokenizer(_MODEL.vocab, _MODEL.eos)


@torch.no_grad()
def generate(model, tok, prompt, choose, max_new=60):
    """A plain generation loop with `choose(logits) -> int` picking each next token."""
    ids = tok.encode(prompt)
    for _ in range(max_new):
        nxt = int(choose(model(ids[None, -model.cfg.n_ctx:])[0, -1]))
        ids = torch.cat([ids, torch.tensor([nxt])])
        if nxt == tok.eos_token_id:
            break
    return tok.decode(ids)


# --- sampling frequencies -------------------------------------------------------------

PROBS = torch.tensor([0.05, 0.30, 0.02, 0.18, 0.10, 0.25, 0.07, 0.03])  # best: 1, 5, 3, 4, 6, 0
LOGITS = PROBS.log() + 1.5  # logits are only defined up to a constant


# 3,000 seeded draws: a frequency's standard error is at most sqrt(0.25 / 3000) = 0.0091, so
# TOLERANCE is 4.4 of them. A correct sampler that uses the random numbers in another order
# stays inside it (at 10,000 draws and 0.015, about one correct sampler in fifty did not);
# every wrong sampler in the rooms' wrong.yaml is off by 0.08 or more. Each draw is one call
# of the player's function, so the draws are most of these rooms' grading time.
DRAWS = 3_000
TOLERANCE = 0.04


def frequencies(fn, *args, n=DRAWS, seed=0):
    torch.manual_seed(seed)
    counts = torch.zeros(len(PROBS))
    for _ in range(n):
        tok = fn(LOGITS.clone(), *args)
        if isinstance(tok, torch.Tensor) and tok.numel() == 1:
            tok = tok.item()
        if not isinstance(tok, int) or isinstance(tok, bool):
            fail(f"returned {type(tok).__name__}, expected a Python int token id", kind="type")
        if not 0 <= tok < len(PROBS):
            fail(f"returned token {tok}, outside the vocabulary 0..{len(PROBS) - 1}", kind="value")
        counts[tok] += 1
    return counts / n


def check_frequencies(freqs, keep, call_text):
    target = torch.zeros(len(PROBS))
    target[keep] = PROBS[keep] / PROBS[keep].sum()
    assert_tensor_close(freqs, target, call=f"token frequencies of {call_text} over {DRAWS:,} draws",
                        atol=TOLERANCE, rtol=0)
