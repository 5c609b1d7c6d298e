"""Cases for next_token_accuracy: a hand example, random logits vs a loop, the shipped model."""

import torch

import tiny_lens
from arena_dungeon.testing import assert_equal, assert_tensor_equal, call, describe, fail, note


def _loop_oracle(logits, tokens):
    batch, pos, _ = logits.shape
    correct = torch.zeros(batch, pos - 1, dtype=torch.bool)
    for b in range(batch):
        for i in range(pos - 1):
            correct[b, i] = int(logits[b, i].argmax()) == int(tokens[b, i + 1])
    return correct


def _run(room, logits, tokens, label):
    got = call(room.next_token_accuracy, logits, tokens)
    if not (isinstance(got, tuple) and len(got) == 2):
        fail(f"next_token_accuracy({label}) returned {describe(got)}, expected a tuple "
             "(n_correct, correct)", kind="type")
    n_correct, correct = got
    expected = _loop_oracle(logits, tokens)
    assert_tensor_equal(correct, expected, call=f"next_token_accuracy({label})[1] (correct)",
                        dims="batch pos-1")
    if isinstance(n_correct, bool) or not isinstance(n_correct, int):
        fail(f"next_token_accuracy({label})[0] is {describe(n_correct)}, expected a Python int",
             kind="type", details="Convert the count with int(...).")
    assert_equal(n_correct, int(expected.sum()), call=f"next_token_accuracy({label})[0] (n_correct)")
    return correct


def test_hand_example(room):
    """tokens [[0, 2, 1]], argmaxes [2, 0, 1]: only the first guess is right."""
    logits = torch.tensor([[[0.0, 0.1, 3.0], [5.0, 1.0, 0.0], [0.0, 2.0, 1.0]]])
    tokens = torch.tensor([[0, 2, 1]])
    _run(room, logits, tokens, "logits (1, 3, 3), tokens [[0, 2, 1]]")


def test_random_logits(room):
    """Random logits (batch 3, pos 9, d_vocab 4), checked element by element against a loop."""
    g = torch.Generator().manual_seed(0)
    logits = torch.randn(3, 9, 4, generator=g)
    tokens = torch.randint(0, 4, (3, 9), generator=g)
    _run(room, logits, tokens, "random logits (3, 9, 4), tokens (3, 9)")


def test_argmax_is_over_vocab(room):
    """A case where the argmax over the wrong axis or the unshifted tokens would differ."""
    g = torch.Generator().manual_seed(1)
    tokens = torch.randint(0, 6, (2, 8), generator=g)
    logits = torch.randn(2, 8, 6, generator=g)
    # make exactly the even positions right
    for b in range(2):
        for i in range(0, 7, 2):
            logits[b, i, tokens[b, i + 1]] = 10.0
    _run(room, logits, tokens, "logits (2, 8, 6) right at even positions, tokens (2, 8)")


def test_shipped_model_on_repeats(room):
    """The trained model on BOS + 20 random tokens + the same 20: few right, then nearly all."""
    model = tiny_lens.load_model()
    g = torch.Generator().manual_seed(0)
    half = torch.randint(1, model.cfg.d_vocab, (4, 20), generator=g)
    tokens = torch.cat([torch.zeros(4, 1, dtype=torch.long), half, half], dim=1)
    logits = model(tokens)
    correct = _run(room, logits, tokens, "load_model()(tokens), tokens (4, 41) repeated")
    first, second = correct[:, :20].float().mean().item(), correct[:, 20:].float().mean().item()
    note(f"shipped model, 4 repeated sequences: {first:.0%} of first-half tokens guessed, "
         f"{second:.0%} of second-half tokens")
