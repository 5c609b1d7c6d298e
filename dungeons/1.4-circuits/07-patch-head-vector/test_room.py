"""Cases for patch_head_vector: by hand on made-up caches (one head, any position, the
hook's own tensor, the cache untouched), and as a hook on the trained model."""

from functools import partial

import torch

import ioi_dataset as ioi
import tiny_lens
from arena_dungeon.testing import fresh_seed, assert_number_close, assert_tensor_close, fail, note


def _apply(room, act, name, head, cache):
    hook = tiny_lens.HookPoint()
    hook.name = name
    before = {k: v.clone() for k, v in cache.items()}
    out = room.patch_head_vector(act, hook, head_index=head, clean_cache=tiny_lens.ActivationCache(cache))
    for k, v in cache.items():
        if not torch.equal(v, before[k]):
            fail(f"patch_head_vector changed the clean cache's {k!r}", kind="mutation",
                 details="Write into the corrupted activation the hook receives, never into the cache.")
    return out if isinstance(out, torch.Tensor) else act


def test_one_head_every_position(room):
    """z (2, 5, 3, 4), head 1: head 1 takes the clean values at all 5 positions."""
    torch.manual_seed(fresh_seed(0))
    clean, corrupted = torch.randn(2, 5, 3, 4), torch.randn(2, 5, 3, 4)
    expected = corrupted.clone()
    expected[:, :, 1] = clean[:, :, 1]
    got = _apply(room, corrupted.clone(), "blocks.0.attn.hook_z", 1, {"blocks.0.attn.hook_z": clean})
    assert_tensor_close(got, expected, call="patch_head_vector(z (2, 5, 3, 4), hook_z, head_index=1)",
                        dims="batch pos head d_head")


def test_square_shapes(room):
    """z (4, 4, 4, 4), head 3: every axis has size 4, so only the right axis gives the right answer."""
    torch.manual_seed(fresh_seed(1))
    clean, corrupted = torch.randn(4, 4, 4, 4), torch.randn(4, 4, 4, 4)
    expected = corrupted.clone()
    expected[:, :, 3] = clean[:, :, 3]
    got = _apply(room, corrupted.clone(), "blocks.2.attn.hook_z", 3, {"blocks.2.attn.hook_z": clean})
    assert_tensor_close(got, expected, call="patch_head_vector(z (4, 4, 4, 4), hook_z, head_index=3)",
                        dims="batch pos head d_head")


def test_reads_the_hooks_own_tensor(room):
    """A cache with q and v of layer 1: the hook on hook_v must read hook_v."""
    torch.manual_seed(fresh_seed(2))
    cache = {"blocks.1.attn.hook_q": torch.randn(3, 6, 2, 5), "blocks.1.attn.hook_v": torch.randn(3, 6, 2, 5),
             "blocks.0.attn.hook_v": torch.randn(3, 6, 2, 5)}
    corrupted = torch.randn(3, 6, 2, 5)
    expected = corrupted.clone()
    expected[:, :, 0] = cache["blocks.1.attn.hook_v"][:, :, 0]
    got = _apply(room, corrupted.clone(), "blocks.1.attn.hook_v", 0, cache)
    assert_tensor_close(got, expected, call="patch_head_vector(v (3, 6, 2, 5), hook blocks.1.attn.hook_v, "
                        "head_index=0)", dims="batch pos head d_head")


def test_patching_head_0_2_on_the_trained_model(room):
    """Trained model: patching head 0.2's clean z into the S2-flipped run restores the answer."""
    model = ioi.load_ioi_model()
    ds = ioi.IOIDataset(60, seed=8, templates=ioi.TRAIN_TEMPLATES)
    flipped = ds.flip_s2()
    _, clean_cache = model.run_with_cache(ds.toks)
    rows = torch.arange(ds.n)
    ld = lambda lg: (lg[rows, -1, ds.io_tokens] - lg[rows, -1, ds.s_tokens]).mean()  # noqa: E731
    clean, corrupt = ld(model(ds.toks)), ld(model(flipped.toks))
    scores = []
    for head in range(4):
        hook_fn = partial(room.patch_head_vector, head_index=head, clean_cache=clean_cache)
        patched = ld(model.run_with_hooks(flipped.toks, fwd_hooks=[("blocks.0.attn.hook_z", hook_fn)]))
        scores.append(float((patched - corrupt) / (clean - corrupt)))
    assert_number_close(scores[2], 1.0, call="ioi metric after patching head 0.2's z", atol=0.05)
    note("patching one layer-0 head's z: " + ", ".join(f"0.{h} {s:.2f}" for h, s in enumerate(scores)))
