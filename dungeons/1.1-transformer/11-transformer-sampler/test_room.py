"""Cases for TransformerSampler.sample: greedy decoding of the dungeon's tiny character model."""

import torch

from arena_dungeon.testing import assert_equal, call, fail, load_asset_module, note

ref = load_asset_module(__file__, "reference")  # shared oracles and helpers
tiny_lm, generate = ref.tiny_lm, ref.generate


def sampler(room):
    model, tok = tiny_lm()
    return room.TransformerSampler(model, tok), model, tok


def greedy(logits):
    return logits.argmax()


def test_greedy_matches_reference_loop(room):
    """Prompt "the cat", temperature 0, 40 tokens at most: the same text as a reference greedy loop."""
    s, model, tok = sampler(room)
    got = call(s.sample, "the cat", max_tokens_generated=40, temperature=0.0)
    expected = generate(model, tok, "the cat", greedy, max_new=40)
    assert_equal(got, expected, call='sample("the cat", 40, temperature=0.0)')
    note(f"greedy continuation of 'the cat': {got!r}")


def test_stops_after_end_of_sequence(room):
    """With a budget of 100 the model ends its sentence: the text stops right after the first "\\n"."""
    s, model, tok = sampler(room)
    got = call(s.sample, "one morning the ", max_tokens_generated=100, temperature=0.0)
    expected = generate(model, tok, "one morning the ", greedy, max_new=100)
    if not isinstance(got, str):
        fail(f"sample returned {type(got).__name__}, expected a str", kind="type")
    if got.count("\n") > 1 or (got.endswith("\n") is False and expected.endswith("\n")):
        fail("generation should stop right after the end-of-sequence token (\"\\n\"); "
             f"got {got!r}", kind="value")
    assert_equal(got, expected, call='sample("one morning the ", 100, temperature=0.0)')


def test_respects_max_tokens_generated(room):
    """max_tokens_generated=5: exactly 5 characters are added to the prompt."""
    s, model, tok = sampler(room)
    got = call(s.sample, "a small bird ", max_tokens_generated=5, temperature=0.0)
    expected = generate(model, tok, "a small bird ", greedy, max_new=5)
    assert_equal(got, expected, call='sample("a small bird ", 5, temperature=0.0)')


def test_long_prompt_is_truncated_to_n_ctx(room):
    """A 75-character prompt (n_ctx is 64): the model sees only the last 64 tokens each step."""
    s, model, tok = sampler(room)
    prompt = "the old dog found an old map. my friend painted the moon. the cat ran "
    got = call(s.sample, prompt, max_tokens_generated=12, temperature=0.0)
    expected = generate(model, tok, prompt, greedy, max_new=12)
    assert_equal(got, expected, call=f"sample(prompt of {len(prompt)} characters, 12, temperature=0.0)")


def test_eval_mode_and_no_gradients(room):
    """The model arrives in train mode: sample() puts it in eval mode and runs every forward
    pass with gradients off, as the brief asks."""
    s, model, _ = sampler(room)
    modes = []
    model.train()
    handle = model.register_forward_pre_hook(
        lambda m, a: modes.append((m.training, torch.is_grad_enabled())))
    try:
        call(s.sample, "the dog", max_tokens_generated=5, temperature=0.0)
    finally:
        handle.remove()
        model.eval()
    if not modes:
        fail("sample() never called the model", kind="value")
    in_train = sum(training for training, _ in modes)
    tracked = sum(grad for _, grad in modes)
    if in_train:
        fail(f"{in_train} of {len(modes)} model calls ran in train mode", kind="value",
             details="Call self.model.eval() before generating.")
    if tracked:
        fail(f"{tracked} of {len(modes)} model calls tracked gradients", kind="value",
             details="Generate under `with torch.inference_mode():`.")
