"""Cases for logits_to_ave_logit_diff: hand-checked numbers, a loop oracle on random logits
(where every position differs, so the last one must be used), and the trained model."""

import torch

import ioi_dataset as ioi
from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, load_asset_module, note

ref = load_asset_module(__file__, "reference")


def test_hand_checked_two_prompts(room):
    """batch 2, seq 2, vocab 3: only the last position counts."""
    logits = torch.tensor([[[9., 9., 9.], [0., 2., 5.]],
                           [[0., 0., 0.], [1., 4., 0.]]])
    answers = torch.tensor([[2, 1], [0, 1]])
    got = call(room.logits_to_ave_logit_diff, logits, answers, per_prompt=True)
    assert_tensor_close(got, torch.tensor([3., -3.]), call="logits_to_ave_logit_diff(logits (2, 2, 3), "
                        "[[2, 1], [0, 1]], per_prompt=True)", dims="batch")


def test_mean_is_a_scalar(room):
    """The same two prompts with per_prompt=False: their mean, a 0-dim tensor."""
    logits = torch.tensor([[[9., 9., 9.], [0., 2., 5.]],
                           [[0., 0., 0.], [1., 4., 2.]]])
    answers = torch.tensor([[2, 1], [1, 2]])
    got = call(room.logits_to_ave_logit_diff, logits, answers)
    assert_tensor_close(got, torch.tensor(2.5), call="logits_to_ave_logit_diff(logits (2, 2, 3), "
                        "[[2, 1], [1, 2]])  (mean of 3 and 2)")


def test_random_logits_against_a_loop(room):
    """batch 7, seq 5, vocab 11, random logits and answers, per prompt and averaged."""
    gen = torch.Generator().manual_seed(fresh_seed(3))
    logits = torch.randn(7, 5, 11, generator=gen)
    answers = torch.randint(0, 11, (7, 2), generator=gen)
    expected = ref.logit_diff_loop(logits, answers)
    got = call(room.logits_to_ave_logit_diff, logits, answers, per_prompt=True)
    assert_tensor_close(got, expected, call="logits_to_ave_logit_diff(random (7, 5, 11), answers, "
                        "per_prompt=True)", dims="batch", atol=1e-5)
    got = call(room.logits_to_ave_logit_diff, logits, answers)
    assert_tensor_close(got, expected.mean(), call="logits_to_ave_logit_diff(random (7, 5, 11), answers)",
                        atol=1e-5)


def test_trained_model_prefers_the_indirect_object(room):
    """The shipped model on 100 IOI prompts, and on the same prompts with S2 flipped."""
    model = ioi.load_ioi_model()
    ds = ioi.IOIDataset(100, seed=11, templates=ioi.TRAIN_TEMPLATES)
    flipped = ds.flip_s2()
    clean = call(room.logits_to_ave_logit_diff, model(ds.toks), ds.answer_tokens)
    assert_tensor_close(clean, ref.logit_diff_loop(model(ds.toks), ds.answer_tokens).mean(),
                        call="logits_to_ave_logit_diff(model(ds.toks), ds.answer_tokens)", atol=1e-3)
    corrupt = call(room.logits_to_ave_logit_diff, model(flipped.toks), ds.answer_tokens)
    note(f"clean prompts: logit diff {float(clean):.2f}; S2 flipped (same answers): "
         f"{float(corrupt):.2f}. e.g. '{ds.sentences[0]}' -> {ioi.VOCAB[ds.io_tokens[0]]}")
