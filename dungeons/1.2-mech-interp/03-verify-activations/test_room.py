"""Cases for pattern_from_cache: compared with the pattern the model itself cached."""

import torch

import tiny_lens
from arena_dungeon.testing import assert_tensor_close, call, show_picture


def _only_qk(cache, layer):
    """A cache holding just this layer's q and k (so the pattern can't be read off)."""
    keep = {name: cache[name, layer] for name in ("q", "k")}
    return tiny_lens.ActivationCache({tiny_lens.get_act_name(n, layer): t for n, t in keep.items()})


def _check(room, model, tokens, layer, label):
    _, cache = model.run_with_cache(tokens)
    got = call(room.pattern_from_cache, _only_qk(cache, layer), layer)
    assert_tensor_close(got, cache["pattern", layer], atol=1e-5,
                        call=f"pattern_from_cache(cache, {layer}) on {label}",
                        dims="batch head q_pos k_pos")
    return got


def _random_model(seed, **cfg):
    torch.manual_seed(seed)
    return tiny_lens.HookedTransformer(tiny_lens.Config(init_range=0.5, **cfg))


def test_layer0_random_model(room):
    """Layer 0 of a random model (4 heads, d_head 16), tokens (2, 10)."""
    model = _random_model(0)
    tokens = torch.randint(0, 64, (2, 10), generator=torch.Generator().manual_seed(0))
    _check(room, model, tokens, 0, "a random model, tokens (2, 10)")


def test_layer1_random_model(room):
    """Layer 1 of the same random model."""
    model = _random_model(0)
    tokens = torch.randint(0, 64, (2, 10), generator=torch.Generator().manual_seed(1))
    _check(room, model, tokens, 1, "a random model, tokens (2, 10)")


def test_other_head_size(room):
    """3 heads of d_head 8, 3 layers, batch 1, 7 tokens: nothing may be hard-coded."""
    model = _random_model(2, n_layers=3, n_heads=3, d_model=12, d_head=8, n_ctx=9, d_vocab=10)
    tokens = torch.randint(0, 10, (1, 7), generator=torch.Generator().manual_seed(2))
    _check(room, model, tokens, 2, "a 3-layer model with n_heads 3, d_head 8, tokens (1, 7)")


def test_shipped_model_previous_token_head(room):
    """The trained model, layer 0, on BOS + 40 random tokens (picture: head 0.2)."""
    model = tiny_lens.load_model()
    g = torch.Generator().manual_seed(0)
    tokens = torch.cat([torch.zeros(1, 1, dtype=torch.long),
                        torch.randint(1, 64, (1, 40), generator=g)], dim=1)
    got = _check(room, model, tokens, 0, "load_model(), BOS + 40 random tokens")
    picture = got[0, 2].detach().clamp(0, 1).repeat_interleave(4, 0).repeat_interleave(4, 1)
    show_picture(picture, "head 0.2 of the shipped model (rows: query, columns: key): "
                 "the line just below the diagonal is attention to the previous token")
