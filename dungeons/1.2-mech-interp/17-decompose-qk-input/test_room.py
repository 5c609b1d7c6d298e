"""Cases for decompose_qk_input / decompose_q / decompose_k: parts vs the model, sums vs the cache."""

import torch

import tiny_lens
from arena_dungeon.testing import assert_tensor_close, call, describe, fail, note


def _random_model(seed):
    torch.manual_seed(seed)
    model = tiny_lens.HookedTransformer(tiny_lens.Config(d_vocab=25, d_model=16, d_head=4, n_heads=3, n_ctx=10,
                                                         init_range=0.4))
    for p in model.parameters():
        p.requires_grad_(False)
        p.add_(torch.randn(p.shape) * 0.2)  # nonzero biases everywhere
    return model


def _cache(model, seed):
    g = torch.Generator().manual_seed(seed)
    tokens = torch.randint(0, model.cfg.d_vocab, (1, model.cfg.n_ctx), generator=g)
    _, cache = model.run_with_cache(tokens, remove_batch_dim=True)
    return cache


def _parts_oracle(model, cache):
    """Built from the weights, part by part (the player builds them from the cache)."""
    seq = cache["embed"].shape[0]
    parts = [cache["embed"], model.W_pos[:seq]]
    for h in range(model.cfg.n_heads):
        parts.append(cache["z", 0][:, h] @ model.W_O[0, h])
    parts.append(model.b_O[0].expand(seq, -1))
    return torch.stack(parts)


def _decompose(room, cache):
    got = call(room.decompose_qk_input, cache)
    return got


def test_parts_match_the_model_random_weights(room):
    """A random model with biases (3 heads, 10 tokens): 6 parts, each as computed from the weights."""
    model = _random_model(0)
    cache = _cache(model, 0)
    got = _decompose(room, cache)
    assert_tensor_close(got, _parts_oracle(model, cache), call="decompose_qk_input(cache)",
                        dims="n_parts seq d_model", atol=1e-5, rtol=1e-4)


def test_parts_sum_to_the_qk_input(room):
    """Another random model: the parts add up to resid_pre[1] + pos_embed exactly."""
    model = _random_model(1)
    cache = _cache(model, 1)
    got = _decompose(room, cache)
    if not isinstance(got, torch.Tensor) or got.ndim != 3:
        fail(f"decompose_qk_input(cache) returned {describe(got)}, expected (n_heads + 3, seq, d_model)", kind="shape")
    assert_tensor_close(got.sum(0), cache["resid_pre", 1] + cache["pos_embed"],
                        call="decompose_qk_input(cache).sum(0)", dims="seq d_model", atol=1e-5, rtol=1e-4)


def _check_qk(room, model, cache, head):
    parts = _parts_oracle(model, cache)  # the player's decompose_q/k get correct parts
    for name, W, b in (("q", model.W_Q, model.b_Q), ("k", model.W_K, model.b_K)):
        fn = getattr(room, f"decompose_{name}")
        what = f"decompose_{name}(decomposed_qk_input, {head}, model)"
        got = call(fn, parts, head, model)
        expected = torch.stack([p @ W[1, head] for p in parts])
        assert_tensor_close(got, expected, call=what, dims="n_parts seq d_head", atol=1e-5, rtol=1e-4)
        assert_tensor_close(got.sum(0) + b[1, head], cache[name, 1][:, head],
                            call=f"{what}.sum(0) + b_{name.upper()}[1, {head}] vs cache['{name}', 1][:, {head}]",
                            dims="seq d_head", atol=1e-5, rtol=1e-4)


def test_decompose_q_and_k_sum_to_cached_q_k(room):
    """Random model, head 1.2: each part through W_Q / W_K; the sums plus b_Q / b_K give the cached q and k."""
    model = _random_model(2)
    _check_qk(room, model, _cache(model, 2), 2)


def test_shipped_model_head_1_3(room):
    """The shipped model on a repeated sequence: all three functions, head 1.3."""
    model = tiny_lens.load_model()
    g = torch.Generator().manual_seed(0)
    half = torch.randint(1, 64, (20,), generator=g)
    tokens = torch.cat([torch.zeros(1, dtype=torch.long), half, half])[None]
    _, cache = model.run_with_cache(tokens, remove_batch_dim=True)
    got = _decompose(room, cache)
    assert_tensor_close(got, _parts_oracle(model, cache), call="decompose_qk_input(cache) (shipped model)",
                        dims="n_parts seq d_model", atol=1e-5, rtol=1e-4)
    _check_qk(room, model, cache, 3)
    k = torch.stack([p @ model.W_K[1, 3] for p in got])
    names = ["embed", "pos_embed"] + [f"0.{h}" for h in range(4)] + ["b_O"]
    norms = ", ".join(f"{n} {v:.1f}" for n, v in zip(names, k.norm(dim=(1, 2)).tolist()))
    note(f"size (Frobenius norm) of each part of head 1.3's keys: {norms}")
