"""Cases for patch_residual_component: called by hand on made-up caches, and as a real
hook on the trained model, where patching the embedding at S2 brings everything back."""

from functools import partial

import torch

import ioi_dataset as ioi
import tiny_lens
from arena_dungeon.testing import fresh_seed, assert_number_close, assert_tensor_close, fail, note



def _hook(name):
    hook = tiny_lens.HookPoint()
    hook.name = name
    return hook


def _apply(room, act, name, pos, cache):
    before = {k: v.clone() for k, v in cache.items()}
    out = room.patch_residual_component(act, _hook(name), pos=pos, clean_cache=tiny_lens.ActivationCache(cache))
    for k, v in cache.items():
        if not torch.equal(v, before[k]):
            fail(f"patch_residual_component changed the clean cache's {k!r}", kind="mutation",
                 details="The hook must write into the corrupted activation it receives, "
                         "never into the cached clean tensors (later patches read them).")
    return out if isinstance(out, torch.Tensor) else act


def test_one_position_is_replaced(room):
    """batch 2, 4 positions, d_model 3, pos 2: only column 2 takes the clean values."""
    torch.manual_seed(fresh_seed(0))
    clean = torch.randn(2, 4, 3)
    corrupted = torch.randn(2, 4, 3)
    expected = corrupted.clone()
    expected[:, 2] = clean[:, 2]
    got = _apply(room, corrupted.clone(), "blocks.0.hook_resid_pre", 2,
                 {"blocks.0.hook_resid_pre": clean})
    assert_tensor_close(got, expected, call="patch_residual_component(corrupted (2, 4, 3), "
                        "hook blocks.0.hook_resid_pre, pos=2, clean_cache)", dims="batch pos d_model")


def test_reads_the_hooks_own_activation(room):
    """A cache with three layers' resid_pre: the hook on layer 2 must read layer 2's."""
    torch.manual_seed(fresh_seed(1))
    cache = {f"blocks.{l}.hook_resid_pre": torch.randn(3, 5, 4) for l in range(3)}
    corrupted = torch.randn(3, 5, 4)
    expected = corrupted.clone()
    expected[:, 0] = cache["blocks.2.hook_resid_pre"][:, 0]
    got = _apply(room, corrupted.clone(), "blocks.2.hook_resid_pre", 0, cache)
    assert_tensor_close(got, expected, call="patch_residual_component(..., hook "
                        "blocks.2.hook_resid_pre, pos=0)", dims="batch pos d_model")


def test_last_position_on_another_hook(room):
    """hook blocks.1.hook_attn_out, pos -1 (the last): works on any (batch, pos, d_model) hook."""
    torch.manual_seed(fresh_seed(2))
    cache = {"blocks.1.hook_attn_out": torch.randn(4, 6, 5), "blocks.1.hook_resid_pre": torch.randn(4, 6, 5)}
    corrupted = torch.randn(4, 6, 5)
    expected = corrupted.clone()
    expected[:, -1] = cache["blocks.1.hook_attn_out"][:, -1]
    got = _apply(room, corrupted.clone(), "blocks.1.hook_attn_out", -1, cache)
    assert_tensor_close(got, expected, call="patch_residual_component(..., hook "
                        "blocks.1.hook_attn_out, pos=-1)", dims="batch pos d_model")


def test_patching_s2_on_the_trained_model(room):
    """Trained model: patch the clean embedding of S2 (layer 0's resid_pre) into the
    S2-flipped run: the prompts become the clean ones again, so the metric is 1."""
    model = ioi.load_ioi_model()
    ds = ioi.IOIDataset(70, seed=3, templates=ioi.TRAIN_TEMPLATES[:1])  # one template: S2 at one position
    flipped = ds.flip_s2()
    _, clean_cache = model.run_with_cache(ds.toks)
    rows = torch.arange(ds.n)

    def ld(logits):
        return (logits[rows, -1, ds.io_tokens] - logits[rows, -1, ds.s_tokens]).mean()
    clean, corrupt = ld(model(ds.toks)), ld(model(flipped.toks))
    s2 = int(ds.word_idx["S2"][0])
    hook_fn = partial(room.patch_residual_component, pos=s2, clean_cache=clean_cache)
    patched = ld(model.run_with_hooks(flipped.toks, fwd_hooks=[("blocks.0.hook_resid_pre", hook_fn)]))
    score = (patched - corrupt) / (clean - corrupt)
    assert_number_close(score, 1.0, call=f"ioi metric after patching blocks.0.hook_resid_pre at "
                        f"S2 (pos {s2})", atol=1e-3)
    end = ld(model.run_with_hooks(flipped.toks, fwd_hooks=[(
        "blocks.0.hook_resid_pre", partial(room.patch_residual_component, pos=ioi.END,
                                           clean_cache=clean_cache))]))
    note(f"patching S2 (pos {s2}) at layer 0: {float(score):.2f}; patching END at layer 0: "
         f"{float((end - corrupt) / (clean - corrupt)):.2f} (END's token is the same in both runs)")
