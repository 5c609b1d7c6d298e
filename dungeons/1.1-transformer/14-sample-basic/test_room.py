"""Cases for sample_basic: frequencies over 3,000 seeded draws, -inf never drawn, a sentence."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, fail, load_asset_module, note

ref = load_asset_module(__file__, "reference")  # shared oracles and helpers
tiny_lm, generate = ref.tiny_lm, ref.generate
LOGITS, frequencies, check_frequencies = ref.LOGITS, ref.frequencies, ref.check_frequencies


def test_frequencies_match_softmax(room):
    """3,000 draws from 8 tokens: every frequency within 0.04 of softmax(logits)."""
    check_frequencies(frequencies(room.sample_basic), list(range(8)), "sample_basic(logits)")


def test_returns_a_python_int(room):
    """One draw returns an int id in range."""
    torch.manual_seed(fresh_seed(1))
    tok = call(room.sample_basic, LOGITS.clone())
    if not isinstance(tok, int) or isinstance(tok, bool):
        fail(f"sample_basic returned {type(tok).__name__}, expected an int (use .item())", kind="type")


def test_minus_infinity_is_never_drawn(room):
    """Logits [0, -inf, 0, -inf]: only tokens 0 and 2 ever come out, about half each."""
    torch.manual_seed(fresh_seed(2))
    logits = torch.tensor([0.0, float("-inf"), 0.0, float("-inf")])
    seen = torch.zeros(4)
    for _ in range(2000):
        seen[int(call(room.sample_basic, logits))] += 1
    assert_tensor_close(seen / 2000, torch.tensor([0.5, 0.0, 0.5, 0.0]),
                        call="frequencies of sample_basic([0, -inf, 0, -inf]) over 2,000 draws",
                        atol=0.04, rtol=0)


def test_logits_far_from_zero(room):
    """The logits shifted by +3000 (as after a low temperature; exp overflows float32) give
    the same draws as the logits themselves under the same seed: 200 draws, at most 3 differ
    (float32 rounding at 3000 moves the probabilities by about 1e-4)."""
    seed = fresh_seed(7)
    torch.manual_seed(seed)
    near = [int(call(room.sample_basic, LOGITS.clone())) for _ in range(200)]
    torch.manual_seed(seed)
    far = [int(call(room.sample_basic, LOGITS + 3000.0)) for _ in range(200)]
    differ = sum(a != b for a, b in zip(near, far))
    if differ > 3:
        fail(f"sample_basic(logits) and sample_basic(logits + 3000) drew different "
             f"tokens in {differ} of 200 seeded draws: softmax ignores a shift, so the "
             "draws should match",
             kind="value", details="exp(3000) is inf in float32: shift by the largest logit, or "
                                   "let Categorical(logits=...) / softmax normalise.")


def test_negative_logits_are_log_weights(room):
    """All-negative logits [-3, -1, -2]: still drawn with softmax probabilities."""
    torch.manual_seed(fresh_seed(3))
    logits = torch.tensor([-3.0, -1.0, -2.0])
    seen = torch.zeros(3)
    for _ in range(4000):
        seen[int(call(room.sample_basic, logits))] += 1
    assert_tensor_close(seen / 4000, logits.softmax(0), call="frequencies over 4,000 draws",
                        atol=0.025, rtol=0)
    model, tok = tiny_lm()
    torch.manual_seed(fresh_seed(4))
    note("the tiny model, sampled with your sample_basic: "
         + repr(generate(model, tok, "the ", room.sample_basic)))
