"""Cases for ioi_metric: hand-checked numbers, both ends of the scale on the trained model,
and random logits against the formula, with the ends in both orders."""

import torch

import ioi_dataset as ioi
from arena_dungeon.testing import fresh_seed, assert_number_close, assert_shape, call, load_asset_module, note

ref = load_asset_module(__file__, "reference")


def test_part_way(room):
    """One prompt whose logit diff is 2, corrupted -4, clean 6: 0.6 of the way."""
    logits = torch.tensor([[[0., 3., 1.]]])
    got = call(room.ioi_metric, logits, torch.tensor([[1, 2]]), -4.0, 6.0)
    assert_number_close(got, 0.6, call="ioi_metric(logit diff 2, corrupted_logit_diff=-4, "
                        "clean_logit_diff=6)")
    assert_shape(got, (), call="ioi_metric(...) must be a 0-dim tensor")


def test_ends_of_the_scale_on_the_trained_model(room):
    """Trained model: clean logits score 1, S2-flipped logits score 0."""
    model = ioi.load_ioi_model()
    ds = ioi.IOIDataset(60, seed=2, templates=ioi.TRAIN_TEMPLATES)
    clean_logits, corrupt_logits = model(ds.toks), model(ds.flip_s2().toks)
    clean = float(ref.logit_diff_loop(clean_logits, ds.answer_tokens).mean())
    corrupt = float(ref.logit_diff_loop(corrupt_logits, ds.answer_tokens).mean())
    got_clean = call(room.ioi_metric, clean_logits, ds.answer_tokens, corrupt, clean)
    assert_number_close(got_clean, 1.0, call="ioi_metric(clean logits, ...)", atol=1e-4)
    got_corrupt = call(room.ioi_metric, corrupt_logits, ds.answer_tokens, corrupt, clean)
    assert_number_close(got_corrupt, 0.0, call="ioi_metric(corrupted logits, ...)", atol=1e-4)
    note(f"clean logit diff {clean:.2f}, corrupted {corrupt:.2f}")


def test_random_logits(room):
    """batch 6, seq 4, vocab 9: the mean logit diff, rescaled by -1.5 (corrupted) and 2.5 (clean)."""
    gen = torch.Generator().manual_seed(fresh_seed(4))
    logits = torch.randn(6, 4, 9, generator=gen) * 3
    answers = torch.randint(0, 9, (6, 2), generator=gen)
    diff = ref.logit_diff_loop(logits, answers).mean()
    got = call(room.ioi_metric, logits, answers, -1.5, 2.5)
    assert_number_close(got, (diff + 1.5) / 4.0, call="ioi_metric(random (6, 4, 9), answers, "
                        "corrupted_logit_diff=-1.5, clean_logit_diff=2.5)", atol=1e-5)


def test_beyond_clean_is_above_one(room):
    """A logit diff of 10 with corrupted 0 and clean 4: 2.5 (the scale is not clipped)."""
    logits = torch.tensor([[[0., 10., 0.], [10., 0., 0.]]])
    got = call(room.ioi_metric, logits, torch.tensor([[0, 2]]), 0.0, 4.0)
    assert_number_close(got, 2.5, call="ioi_metric(logit diff 10, corrupted 0, clean 4)")
