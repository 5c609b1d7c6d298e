"""Cases for get_path_patch_head_to_final_resid_post. The oracle freezes hook_result (each
head's output after W_O, the same thing as z up to the linear map W_O) and rebuilds the
logits from the frozen residual stream by hand, on random models and the trained one."""

import torch

import ioi_dataset as ioi
from arena_dungeon.testing import assert_tensor_close, call, load_asset_module, note, show_signed

ref = load_asset_module(__file__, "reference")


def _oracle(model, new_toks, orig_toks, metric):
    _, new = model.run_with_cache(new_toks)
    _, orig = model.run_with_cache(orig_toks)
    cfg = model.cfg
    out = torch.zeros(cfg.n_layers, cfg.n_heads)
    for layer in range(cfg.n_layers):
        for head in range(cfg.n_heads):
            resid = orig["embed"].clone()
            for l in range(cfg.n_layers):
                result = orig["result", l].clone()
                if l == layer:
                    result[:, :, head] = new["result", l][:, :, head]
                resid = resid + result.sum(2) + model.b_O[l]
            out[layer, head] = metric(resid @ model.W_U + model.b_U)
    return out


def _metric_for(model, orig, new):
    rows = torch.arange(orig.n)
    ld = lambda lg: (lg[rows, -1, orig.io_tokens] - lg[rows, -1, orig.s_tokens]).mean()  # noqa: E731
    clean, base = ld(model(orig.toks)), ld(model(new.toks))
    return lambda lg: (ld(lg) - clean) / (clean - base)


def test_random_model_without_caches(room):
    """Random 2-layer, 3-head model, 6 prompts, ABC as the new dataset, caches not given."""
    model = ref.random_model(10)
    orig = ioi.IOIDataset(6, seed=10)
    new = orig.abc(seed=11)
    metric = _metric_for(model, orig, new)
    got = call(room.get_path_patch_head_to_final_resid_post, model, metric, new, orig)
    assert_tensor_close(got, _oracle(model, new.toks, orig.toks, metric), atol=1e-4,
                        call="get_path_patch_head_to_final_resid_post(random model, metric, abc, ioi)",
                        dims="layer head")


def test_random_model_with_caches(room):
    """Random 3-layer, 2-head model, caches passed in: only direct paths count, so a
    layer-0 sender's effect through later heads is frozen out."""
    model = ref.random_model(11, n_layers=3, n_heads=2)
    orig = ioi.IOIDataset(5, seed=12)
    new = orig.flip_s2()
    _, new_cache = model.run_with_cache(new.toks)
    _, orig_cache = model.run_with_cache(orig.toks)
    metric = lambda lg: lg[:, -1, 40:50].mean()  # noqa: E731
    got = call(room.get_path_patch_head_to_final_resid_post, model, metric, new, orig,
               new_cache, orig_cache)
    assert_tensor_close(got, _oracle(model, new.toks, orig.toks, metric), atol=1e-4,
                        call="get_path_patch_head_to_final_resid_post(random 3-layer model, caches given)",
                        dims="layer head")


def test_same_prompts_change_nothing(room):
    """new = orig: every path patch is a no-op, so every cell is the unpatched metric."""
    model = ref.random_model(12)
    orig = ioi.IOIDataset(4, seed=13)
    metric = lambda lg: lg[:, -1, 33].mean()  # noqa: E731
    got = call(room.get_path_patch_head_to_final_resid_post, model, metric, orig, orig)
    assert_tensor_close(got, metric(model(orig.toks)).expand(2, 3), atol=1e-4,
                        call="get_path_patch_head_to_final_resid_post(random model, new = orig)",
                        dims="layer head")


def test_trained_model_direct_paths(room):
    """Trained model, 80 prompts, ABC as new; metric 0 = unchanged, -1 = as bad as ABC."""
    model = ioi.load_ioi_model()
    orig = ioi.IOIDataset(80, seed=14, templates=ioi.TRAIN_TEMPLATES)
    new = orig.abc(seed=15)
    metric = _metric_for(model, orig, new)
    got = call(room.get_path_patch_head_to_final_resid_post, model, metric, new, orig)
    assert_tensor_close(got, _oracle(model, new.toks, orig.toks, metric), atol=1e-3,
                        call="get_path_patch_head_to_final_resid_post(trained model, abc, ioi)",
                        dims="layer head")
    show_signed(got, scale=0.3, caption="path patching, sender -> logits: rows = "
                 "layers 0-2, columns = heads 0-3 (red = removing this direct path hurts)")
    note("direct paths (0 = unchanged, -1 = as bad as ABC): " + ref.head_grid(got))
