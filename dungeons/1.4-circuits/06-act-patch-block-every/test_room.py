"""Cases for get_act_patch_block_every: an oracle with its own hook on random models, the
identities between rows (resid_post of layer l = resid_pre of layer l + 1), and the
trained model's picture."""

import torch

import ioi_dataset as ioi
from arena_dungeon.testing import assert_tensor_close, call, load_asset_module, note, show_signed

ref = load_asset_module(__file__, "reference")
NAMES = ["hook_resid_pre", "hook_attn_out", "hook_resid_post"]


def _oracle(model, tokens, cache, metric, names=NAMES):
    out = torch.zeros(len(names), model.cfg.n_layers, tokens.shape[1])
    for c, short in enumerate(names):
        for layer in range(model.cfg.n_layers):
            name = f"blocks.{layer}.{short}"
            for pos in range(tokens.shape[1]):
                def hook(act, hook, pos=pos, name=name):
                    act = act.clone()
                    act[:, pos] = cache[name][:, pos]
                    return act
                out[c, layer, pos] = metric(model.run_with_hooks(tokens, fwd_hooks=[(name, hook)]))
    return out


def _setup(model, n, seed, templates, corruption="flip_s2"):
    """corruption "abc" changes every name (the first one is at position 1-4), so
    prompts cut short still differ."""
    ds = ioi.IOIDataset(n, seed=seed, templates=templates)
    flipped = ds.flip_s2() if corruption == "flip_s2" else ds.abc(seed=seed + 100)
    _, cache = model.run_with_cache(ds.toks)
    rows = torch.arange(n)
    raw = lambda lg: (lg[rows, -1, ds.io_tokens] - lg[rows, -1, ds.s_tokens]).mean()  # noqa: E731
    clean, corrupt = raw(model(ds.toks)), raw(model(flipped.toks))
    return ds, flipped, cache, raw, lambda lg: (raw(lg) - corrupt) / (clean - corrupt)


def test_random_model(room):
    """Random 2-layer model, 5 prompts on 8 tokens, a metric on two logits at the end."""
    model = ref.random_model(3)
    ds, flipped, cache, raw, _ = _setup(model, 5, 3, ioi.TRAIN_TEMPLATES, "abc")
    tokens = flipped.toks[:, :8]
    _, cache = model.run_with_cache(ds.toks[:, :8])
    metric = lambda lg: lg[:, -1, 7].mean() - lg[:, -1, 9].mean()  # noqa: E731
    got = call(room.get_act_patch_block_every, model, tokens, cache, metric)
    assert_tensor_close(got, _oracle(model, tokens, cache, metric), atol=1e-4,
                        call="get_act_patch_block_every(random 2-layer model, tokens (5, 8))",
                        dims="component layer pos")


def test_rows_in_order(room):
    """Random 3-layer model: row 0 is resid_pre, row 1 attn_out, row 2 resid_post, and
    resid_post of layer l equals resid_pre of layer l + 1."""
    model = ref.random_model(4, n_layers=3, n_heads=2)
    ds, flipped, cache, raw, _ = _setup(model, 4, 4, ioi.TRAIN_TEMPLATES, "abc")
    tokens = flipped.toks[:, :6]
    _, cache = model.run_with_cache(ds.toks[:, :6])
    metric = lambda lg: lg[:, -1, 20:30].sum()  # noqa: E731
    got = call(room.get_act_patch_block_every, model, tokens, cache, metric)
    assert_tensor_close(got[2, :-1], got[0, 1:], atol=1e-4, call="resid_post row (layers 0-1) "
                        "vs resid_pre row (layers 1-2): the same activation", dims="layer pos")
    assert_tensor_close(got, _oracle(model, tokens, cache, metric), atol=1e-4,
                        call="get_act_patch_block_every(random 3-layer model, tokens (4, 6))",
                        dims="component layer pos")


def test_shape_on_one_prompt(room):
    """One prompt, 5 tokens, random model: shape (3, 2, 5)."""
    model = ref.random_model(5)
    ds, flipped, cache, raw, _ = _setup(model, 1, 5, ioi.TRAIN_TEMPLATES, "abc")
    _, cache = model.run_with_cache(ds.toks[:, :5])
    metric = lambda lg: lg[0, -1, 40]  # noqa: E731
    got = call(room.get_act_patch_block_every, model, flipped.toks[:, :5], cache, metric)
    assert_tensor_close(got, _oracle(model, flipped.toks[:, :5], cache, metric), atol=1e-4,
                        call="get_act_patch_block_every(random model, tokens (1, 5))",
                        dims="component layer pos")


def test_trained_model_maps(room):
    """Trained model, 20 prompts of one template, ioi metric: the attn_out row against the
    oracle, three maps in one picture."""
    model = ioi.load_ioi_model()
    ds, flipped, cache, raw, metric = _setup(model, 20, 6, ioi.TRAIN_TEMPLATES[:1])
    got = call(room.get_act_patch_block_every, model, flipped.toks, cache, metric)
    expected = _oracle(model, flipped.toks, cache, metric, names=["hook_attn_out"])[0]
    assert_tensor_close(got[1], expected, atol=1e-3, call="get_act_patch_block_every(trained "
                        "model, 20 prompts)[1] (the attn_out row)", dims="layer pos")
    gap = torch.full((1, got.shape[2]), float("nan"))
    stacked = torch.cat([got[0], gap, got[1], gap, got[2]]).nan_to_num(0.0)
    show_signed(stacked, scale=1.0, caption="top: resid_pre, middle: attn_out, "
                 "bottom: resid_post (rows = layers 0-2, columns = the 16 positions)")
    s2 = int(ds.word_idx["S2"][0])
    note("attn_out at END: " + ", ".join(f"layer {l} {got[1, l, -1]:.2f}" for l in range(3))
         + f"; resid_post at S2 (pos {s2}), layer 0: {got[2, 0, s2]:.2f}")
