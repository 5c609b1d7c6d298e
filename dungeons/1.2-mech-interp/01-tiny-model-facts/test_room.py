"""Cases for model_facts: the shipped model, and a differently configured one."""

import torch

import tiny_lens
from arena_dungeon.testing import call, describe, fail

KEYS = ["n_layers", "n_heads", "n_ctx", "d_vocab", "n_params"]


def _expected(cfg: tiny_lens.Config) -> dict[str, int]:
    """Counted by hand from the architecture (embeddings, unembedding, per-layer Q K V O)."""
    H, D, Dh = cfg.n_heads, cfg.d_model, cfg.d_head
    per_layer = 4 * H * D * Dh + 3 * H * Dh + D  # W_Q W_K W_V W_O, b_Q b_K b_V, b_O
    n_params = cfg.d_vocab * D + cfg.n_ctx * D + D * cfg.d_vocab + cfg.d_vocab + cfg.n_layers * per_layer
    return {"n_layers": cfg.n_layers, "n_heads": cfg.n_heads, "n_ctx": cfg.n_ctx,
            "d_vocab": cfg.d_vocab, "n_params": n_params}


def _check(room, model, label):
    got = call(room.model_facts, model)
    if not isinstance(got, dict):
        fail(f"model_facts({label}) returned {describe(got)}, expected a dict", kind="type")
    missing = [k for k in KEYS if k not in got]
    if missing:
        fail(f"model_facts({label}) has no key(s) {missing}; expected exactly {KEYS}",
             kind="value")
    expected = _expected(model.cfg)
    for key in KEYS:
        value = got[key]
        if isinstance(value, torch.Tensor) and value.numel() == 1:
            value = value.item()
        if value != expected[key]:
            fail(f"model_facts({label})[{key!r}] is {value!r}, expected {expected[key]}",
                 kind="value", details=f"the config is {model.cfg}")


def test_shipped_model(room):
    """The trained model: 2 layers, 4 heads, n_ctx 41, d_vocab 64, 44,160 parameters."""
    _check(room, tiny_lens.load_model(), "load_model()")


def test_other_config(room):
    """A randomly initialised model with another Config: the numbers must come from the model."""
    torch.manual_seed(0)
    cfg = tiny_lens.Config(n_layers=3, n_heads=2, d_model=8, d_head=4, n_ctx=7, d_vocab=11)
    _check(room, tiny_lens.HookedTransformer(cfg), "HookedTransformer(Config(n_layers=3, n_heads=2, d_model=8, d_head=4, n_ctx=7, d_vocab=11))")


def test_one_layer_model(room):
    """A 1-layer, 1-head model: every count changes again."""
    torch.manual_seed(1)
    cfg = tiny_lens.Config(n_layers=1, n_heads=1, d_model=4, d_head=2, n_ctx=5, d_vocab=3)
    _check(room, tiny_lens.HookedTransformer(cfg), "HookedTransformer(Config(n_layers=1, n_heads=1, d_model=4, d_head=2, n_ctx=5, d_vocab=3))")


def test_values_are_plain_ints(room):
    """Every value is a Python int (not a tensor or a float)."""
    got = call(room.model_facts, tiny_lens.load_model())
    if not isinstance(got, dict):
        fail(f"model_facts(load_model()) returned {describe(got)}, expected a dict", kind="type")
    for key in KEYS:
        if key in got and (isinstance(got[key], bool) or not isinstance(got[key], int)):
            fail(f"model_facts(load_model())[{key!r}] is {describe(got[key])}, expected a Python int",
                 kind="type", details="Convert with int(...) or .item().")
