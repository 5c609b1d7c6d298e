"""Cases for get_act_patch_resid_pre: an oracle that patches with its own hook, on random
models (arbitrary numbers) and on the trained model (the picture)."""

import torch

import ioi_dataset as ioi
from arena_dungeon.testing import assert_tensor_close, call, load_asset_module, note, show_signed

ref = load_asset_module(__file__, "reference")


def _oracle(model, corrupted_tokens, clean_cache, metric):
    out = torch.zeros(model.cfg.n_layers, corrupted_tokens.shape[1])
    for layer in range(model.cfg.n_layers):
        name = f"blocks.{layer}.hook_resid_pre"
        for pos in range(corrupted_tokens.shape[1]):
            def hook(act, hook, pos=pos):
                act = act.clone()
                act[:, pos] = clean_cache[name][:, pos]
                return act
            out[layer, pos] = metric(model.run_with_hooks(corrupted_tokens, fwd_hooks=[(name, hook)]))
    return out


def _setup(model, n, seed, templates, corruption="flip_s2"):
    """corruption "abc" changes every name (the first one is at position 1-4), so
    prompts cut short still differ."""
    ds = ioi.IOIDataset(n, seed=seed, templates=templates)
    flipped = ds.flip_s2() if corruption == "flip_s2" else ds.abc(seed=seed + 100)
    _, clean_cache = model.run_with_cache(ds.toks)
    rows = torch.arange(n)

    def raw(logits):
        return (logits[rows, -1, ds.io_tokens] - logits[rows, -1, ds.s_tokens]).mean()
    clean, corrupt = raw(model(ds.toks)), raw(model(flipped.toks))
    return ds, flipped, clean_cache, lambda logits: (raw(logits) - corrupt) / (clean - corrupt)


def test_random_model_raw_logit_diff(room):
    """Random 2-layer model, 6 prompts, metric = the raw logit difference."""
    model = ref.random_model(0)
    ds, flipped, cache, _ = _setup(model, 6, 0, ioi.TRAIN_TEMPLATES[:1])
    rows = torch.arange(ds.n)
    metric = lambda logits: (logits[rows, -1, ds.io_tokens] - logits[rows, -1, ds.s_tokens]).mean()  # noqa: E731
    got = call(room.get_act_patch_resid_pre, model, flipped.toks, cache, metric)
    assert_tensor_close(got, _oracle(model, flipped.toks, cache, metric), atol=1e-4,
                        call="get_act_patch_resid_pre(random 2-layer model, 6 prompts, raw logit diff)",
                        dims="layer pos")


def test_random_three_layer_model(room):
    """Random 3-layer model, mixed templates, a metric that reads the first prompt only."""
    model = ref.random_model(1, n_layers=3, n_heads=2)
    ds, flipped, cache, _ = _setup(model, 5, 1, ioi.TRAIN_TEMPLATES)
    metric = lambda logits: logits[0, -1, :10].sum()  # noqa: E731
    got = call(room.get_act_patch_resid_pre, model, flipped.toks, cache, metric)
    assert_tensor_close(got, _oracle(model, flipped.toks, cache, metric), atol=1e-4,
                        call="get_act_patch_resid_pre(random 3-layer model, 5 prompts)",
                        dims="layer pos")


def test_shorter_prompts(room):
    """Random model on the first 9 tokens only: the map has 9 columns."""
    model = ref.random_model(2)
    ds, flipped, cache, _ = _setup(model, 4, 2, ioi.TRAIN_TEMPLATES, "abc")
    _, short_cache = model.run_with_cache(ds.toks[:, :9])
    metric = lambda logits: logits[:, -1, 5].mean()  # noqa: E731
    got = call(room.get_act_patch_resid_pre, model, flipped.toks[:, :9], short_cache, metric)
    assert_tensor_close(got, _oracle(model, flipped.toks[:, :9], short_cache, metric), atol=1e-4,
                        call="get_act_patch_resid_pre(random model, tokens (4, 9))", dims="layer pos")


def test_trained_model_map(room):
    """Trained model, one template (so every prompt has S2 at the same position)."""
    model = ioi.load_ioi_model()
    ds, flipped, cache, metric = _setup(model, 20, 4, ioi.TRAIN_TEMPLATES[:1])
    got = call(room.get_act_patch_resid_pre, model, flipped.toks, cache, metric)
    assert_tensor_close(got, _oracle(model, flipped.toks, cache, metric), atol=1e-3,
                        call="get_act_patch_resid_pre(trained model, 20 prompts, ioi metric)",
                        dims="layer pos")
    words = ioi.TRAIN_TEMPLATES[0].split()
    show_signed(got, scale=1.0, caption=
                 "resid_pre patching, rows = layers 0-2, columns = positions: <bos> "
                 + " ".join(words) + "  (blue = restores the clean answer)")
    s2 = int(ds.word_idx["S2"][0])
    note(f"metric at S2 (pos {s2}): " + ", ".join(f"layer {l} {got[l, s2]:.2f}" for l in range(3))
         + "; at END: " + ", ".join(f"layer {l} {got[l, -1]:.2f}" for l in range(3)))
