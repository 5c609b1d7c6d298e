"""Cases for get_path_patch_head_to_heads. The oracle rebuilds the frozen residual stream
from hook_result by hand, computes the receivers' q, k or v from it with the weights
(this model adds the positional embedding to the inputs of q and k only), then patches
them in; on random models and on the trained model."""

import torch

import ioi_dataset as ioi
from arena_dungeon.testing import assert_tensor_close, call, load_asset_module, note, show_signed

ref = load_asset_module(__file__, "reference")


def _oracle(model, receiver_heads, kind, new_toks, orig_toks, metric):
    _, new = model.run_with_cache(new_toks)
    _, orig = model.run_with_cache(orig_toks)
    cfg, seq = model.cfg, orig_toks.shape[1]
    W = {"q": (model.W_Q, model.b_Q), "k": (model.W_K, model.b_K), "v": (model.W_V, model.b_V)}[kind]
    layers = sorted({l for l, _ in receiver_heads})
    out = torch.zeros(max(layers), cfg.n_heads)
    for s_layer in range(max(layers)):
        for s_head in range(cfg.n_heads):
            inputs = {}
            for r_layer in layers:
                resid = orig["embed"].clone()
                for l in range(r_layer):
                    result = orig["result", l].clone()
                    if l == s_layer:
                        result[:, :, s_head] = new["result", l][:, :, s_head]
                    resid = resid + result.sum(2) + model.b_O[l]
                x = resid + model.W_pos[:seq] if kind in ("q", "k") else resid
                inputs[r_layer] = torch.einsum("bpd,hde->bphe", x, W[0][r_layer]) + W[1][r_layer]

            def hook(act, hook):
                act = act.clone()
                for l, h in receiver_heads:
                    if l == hook.layer():
                        act[:, :, h] = inputs[l][:, :, h]
                return act
            names = [f"blocks.{l}.attn.hook_{kind}" for l in layers]
            out[s_layer, s_head] = metric(model.run_with_hooks(orig_toks, fwd_hooks=[(n, hook) for n in names]))
    return out


def _check(room, model, receivers, kind, new, orig, metric, label):
    got = call(room.get_path_patch_head_to_heads, receivers, kind, model, metric, new, orig)
    expected = _oracle(model, receivers, kind, new.toks, orig.toks, metric)
    assert_tensor_close(got, expected, atol=1e-4, call=f"get_path_patch_head_to_heads({receivers}, "
                        f"'{kind}', {label})", dims="sender_layer sender_head")
    return got


def test_queries_of_one_layer_2_head(room):
    """Random 3-layer, 2-head model, receiver (2, 0)'s queries, ABC prompts as new."""
    model = ref.random_model(20, n_layers=3, n_heads=2)
    orig = ioi.IOIDataset(5, seed=20)
    _check(room, model, [(2, 0)], "q", orig.abc(seed=21), orig,
           lambda lg: lg[:, -1, 30:45].mean(), "random 3-layer model")


def test_values_of_receivers_in_two_layers(room):
    """Random 3-layer, 2-head model, receivers (1, 1) and (2, 0), values: a (2, 2) map."""
    model = ref.random_model(21, n_layers=3, n_heads=2)
    orig = ioi.IOIDataset(5, seed=22)
    _check(room, model, [(1, 1), (2, 0)], "v", orig.abc(seed=23), orig,
           lambda lg: lg[:, -1, 10:20].mean() - lg[:, 3, 50].mean(), "random 3-layer model")


def test_keys_of_two_heads_in_one_layer(room):
    """Random 2-layer, 3-head model, receivers (1, 0) and (1, 2), keys: a (1, 3) map."""
    model = ref.random_model(22)
    orig = ioi.IOIDataset(6, seed=24)
    _check(room, model, [(1, 0), (1, 2)], "k", orig.flip_s2(), orig,
           lambda lg: lg[:, -1, 40:64].mean(), "random 2-layer model")


def test_trained_model_into_the_name_movers_queries(room):
    """Trained model, 42 prompts, ABC as new; receivers: name movers 1.0, 1.1, 1.2, queries.
    Metric 0 = unchanged, -1 = as bad as ABC."""
    model = ioi.load_ioi_model()
    orig = ioi.IOIDataset(42, seed=25, templates=ioi.TRAIN_TEMPLATES)
    new = orig.abc(seed=26)
    rows = torch.arange(orig.n)
    ld = lambda lg: (lg[rows, -1, orig.io_tokens] - lg[rows, -1, orig.s_tokens]).mean()  # noqa: E731
    clean, base = ld(model(orig.toks)), ld(model(new.toks))
    metric = lambda lg: (ld(lg) - clean) / (clean - base)  # noqa: E731
    got = {}
    for kind in ("q", "k", "v"):
        got[kind] = _check(room, model, [(1, 0), (1, 1), (1, 2)], kind, new, orig, metric, "trained model")
    grid = torch.cat([got["q"], got["k"], got["v"]])
    show_signed(grid, scale=0.6, caption="path patching from layer-0 heads (columns "
                 "0-3) into the queries (top), keys and values (bottom) of name movers 1.0-1.2")
    note("into the name movers' q / k / v: " + "; ".join(
        f"0.{h} {got['q'][0, h]:+.2f} / {got['k'][0, h]:+.2f} / {got['v'][0, h]:+.2f}" for h in range(4)))
