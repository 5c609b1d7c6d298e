"""Cases for get_out_by_components. The oracle rebuilds every component without the cache
of the residual stream: each head's output as z @ W_O (from hook_z), each MLP's as
post @ W_out + b_out (from hook_post); and the components must add up to the last
residual stream (plus the attention biases)."""

import torch

import brackets
from arena_dungeon.testing import assert_shape, assert_tensor_close, call, load_asset_module, note

CHECKS = load_asset_module(__file__, "bracket_checks")


def _oracle(model, toks):
    _, cache = model.run_with_cache(toks)
    parts = [cache["hook_embed"] + cache["hook_pos_embed"]]
    for layer, block in enumerate(model.blocks):
        z = cache["z", layer]  # (batch, seq, head, d_head)
        for head in range(model.cfg.n_heads):
            parts.append(z[:, :, head] @ block.attn.W_O[head])
        parts.append(cache["post", layer] @ block.mlp.W_out + block.mlp.b_out)
    return torch.stack(parts), cache


def _check(room, model, data, label):
    got = call(room.get_out_by_components, model, data)
    expected, cache = _oracle(model, data.toks)
    assert_shape(got, tuple(expected.shape), call=label, dims="component batch seq d_model")
    assert_tensor_close(got, expected, atol=1e-4, rtol=1e-4, call=label,
                        dims="component batch seq d_model")
    return got, cache


def test_random_model(room):
    """A random 3-layer, 2-head model, 20 strings: 10 components."""
    _check(room, CHECKS.random_model(0), CHECKS.random_data(0, n=20),
           "get_out_by_components(random model, 20 strings)")


def test_components_add_up(room):
    """Another random model: the components plus every layer's b_O add up to the final
    residual stream, blocks.2.hook_resid_post."""
    model, data = CHECKS.random_model(1), CHECKS.random_data(1, n=15)
    got = call(room.get_out_by_components, model, data)
    _, cache = model.run_with_cache(data.toks)
    assert_shape(got, (10, 15, data.seq_length, 56), call="get_out_by_components(...)",
                 dims="component batch seq d_model")
    assert_tensor_close(got.sum(0) + model.b_O.sum(0), cache["resid_post", 2], atol=1e-4,
                        call="sum of the components + sum of b_O vs the final residual stream",
                        dims="batch seq d_model")


def test_other_shape(room):
    """4 layers of 3 heads, d_mlp 40: 1 + 4 * 4 = 17 components, in the same order."""
    model = CHECKS.random_model(2, n_layers=4, n_heads=3, d_head=8, d_model=24, d_mlp=40)
    _check(room, model, CHECKS.random_data(2, n=10), "get_out_by_components(4-layer, 3-head "
           "random model)")


def test_shipped_model(room):
    """The trained model, 300 strings; the note gives each component's push along the
    unbalanced direction at position 0 (relative to balanced strings)."""
    import bracket_tools

    model, data = brackets.load_model(), brackets.load_data(300)
    got, _ = _check(room, model, data, "get_out_by_components(load_model(), 300 strings)")
    direction = bracket_tools.get_pre_final_ln_dir(model, data)
    along = got[:, :, 0] @ direction  # (component, batch)
    along = along - along[:, data.isbal].mean(dim=1, keepdim=True)
    names = ["embed"] + [f"{l}.{h}" if h < 2 else f"mlp{l}" for l in range(3) for h in range(3)]
    note("mean push towards 'unbalanced' on unbalanced strings (balanced = 0): " + ", ".join(
        f"{n} {v:+.1f}" for n, v in zip(names, along[:, ~data.isbal].mean(1).tolist())))
