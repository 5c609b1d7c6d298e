"""Cases for get_act_patch_attn_head_out_all_pos: an oracle that patches hook_result
instead of hook_z (the same head output, after W_O), on random models and the trained one."""

import torch

import ioi_dataset as ioi
from arena_dungeon.testing import assert_tensor_close, call, load_asset_module, note, show_signed

ref = load_asset_module(__file__, "reference")


def _oracle(model, tokens, cache, metric):
    out = torch.zeros(model.cfg.n_layers, model.cfg.n_heads)
    for layer in range(model.cfg.n_layers):
        name = f"blocks.{layer}.attn.hook_result"
        for head in range(model.cfg.n_heads):
            def hook(act, hook, head=head, name=name):
                act = act.clone()
                act[:, :, head] = cache[name][:, :, head]
                return act
            out[layer, head] = metric(model.run_with_hooks(tokens, fwd_hooks=[(name, hook)]))
    return out


def _run(room, model, ds, corrupted, metric):
    _, cache = model.run_with_cache(ds.toks)
    got = call(room.get_act_patch_attn_head_out_all_pos, model, corrupted.toks, cache, metric)
    return got, _oracle(model, corrupted.toks, cache, metric)


def test_random_model(room):
    """Random 2-layer, 3-head model, 6 prompts, ABC corruption, raw logit difference."""
    model = ref.random_model(6)
    ds = ioi.IOIDataset(6, seed=6)
    rows = torch.arange(6)
    metric = lambda lg: (lg[rows, -1, ds.io_tokens] - lg[rows, -1, ds.s_tokens]).mean()  # noqa: E731
    got, expected = _run(room, model, ds, ds.abc(seed=60), metric)
    assert_tensor_close(got, expected, atol=1e-4, call="get_act_patch_attn_head_out_all_pos("
                        "random 2-layer model, 6 prompts)", dims="layer head")


def test_more_layers_than_heads(room):
    """Random 3-layer, 2-head model: the map is (3, 2)."""
    model = ref.random_model(7, n_layers=3, n_heads=2)
    ds = ioi.IOIDataset(5, seed=7)
    metric = lambda lg: lg[:, -1, 30:40].mean()  # noqa: E731
    got, expected = _run(room, model, ds, ds.flip_s2(), metric)
    assert_tensor_close(got, expected, atol=1e-4, call="get_act_patch_attn_head_out_all_pos("
                        "random 3-layer 2-head model)", dims="layer head")


def test_metric_that_reads_early_positions(room):
    """Random model, a metric on position 5's logits: patches must cover every position."""
    model = ref.random_model(8)
    ds = ioi.IOIDataset(4, seed=8)
    metric = lambda lg: lg[:, 5, :20].sum()  # noqa: E731
    got, expected = _run(room, model, ds, ds.abc(seed=80), metric)
    assert_tensor_close(got, expected, atol=1e-4, call="get_act_patch_attn_head_out_all_pos("
                        "random model, metric on position 5)", dims="layer head")


def test_trained_model_map(room):
    """Trained model, 80 prompts of all training templates, S2 flipped, ioi metric."""
    model = ioi.load_ioi_model()
    ds = ioi.IOIDataset(80, seed=9, templates=ioi.TRAIN_TEMPLATES)
    flipped = ds.flip_s2()
    rows = torch.arange(ds.n)
    raw = lambda lg: (lg[rows, -1, ds.io_tokens] - lg[rows, -1, ds.s_tokens]).mean()  # noqa: E731
    clean, corrupt = raw(model(ds.toks)), raw(model(flipped.toks))
    metric = lambda lg: (raw(lg) - corrupt) / (clean - corrupt)  # noqa: E731
    got, expected = _run(room, model, ds, flipped, metric)
    assert_tensor_close(got, expected, atol=1e-3, call="get_act_patch_attn_head_out_all_pos("
                        "trained model, 80 prompts)", dims="layer head")
    show_signed(got, scale=1.0, caption="patching each head's z (all positions): "
                 "rows = layers 0-2, columns = heads 0-3 (blue = restores the clean answer)")
    note("head patching: " + ref.head_grid(got))
