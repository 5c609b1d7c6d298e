"""Cases for get_log_probs: the shift, shapes, vs cross_entropy, uniform logits."""

import math

import torch
import torch.nn.functional as F

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call


def test_hand_checked_shift(room):
    """logits [[0,0],[ln 3,0],[5,5]], tokens [0,1,0]: [ln 1/2, ln 3/4]."""
    logits = torch.tensor([[[0.0, 0.0], [math.log(3), 0.0], [5.0, 5.0]]])
    tokens = torch.tensor([[0, 1, 0]])
    expected = torch.tensor([[math.log(0.5), math.log(0.75)]])
    assert_tensor_close(call(room.get_log_probs, logits, tokens), expected,
                        call="get_log_probs(logits (1, 3, 2), tokens [[0, 1, 0]])", dims="batch posn-1")


def test_matches_cross_entropy(room):
    """Random logits (4, 9, 30): minus F.cross_entropy of logits[:, :-1] against tokens[:, 1:]."""
    g = torch.Generator().manual_seed(fresh_seed(0))
    logits = torch.randn(4, 9, 30, generator=g) * 3
    tokens = torch.randint(0, 30, (4, 9), generator=g)
    expected = -F.cross_entropy(logits[:, :-1].reshape(-1, 30), tokens[:, 1:].reshape(-1),
                                reduction="none").reshape(4, 8)
    assert_tensor_close(call(room.get_log_probs, logits, tokens), expected,
                        call="get_log_probs(random logits (4, 9, 30), tokens (4, 9))",
                        dims="batch posn-1", atol=1e-5, rtol=1e-4)


def test_logits_spanning_thousands(room):
    """Logits spread over thousands (2, 6, 12) and offset far from zero: log-probabilities
    down to about -4000, still finite and equal to minus the cross-entropy."""
    g = torch.Generator().manual_seed(fresh_seed(5))
    logits = torch.randn(2, 6, 12, generator=g) * 1000 + 3000
    tokens = torch.randint(0, 12, (2, 6), generator=g)
    expected = -F.cross_entropy(logits[:, :-1].reshape(-1, 12), tokens[:, 1:].reshape(-1),
                                reduction="none").reshape(2, 5)
    assert_tensor_close(call(room.get_log_probs, logits, tokens), expected,
                        call="get_log_probs(logits = 3000 + 1000 * randn(2, 6, 12), tokens)",
                        dims="batch posn-1", atol=1e-2, rtol=1e-4)


def test_uniform_logits_give_minus_log_vocab(room):
    """Equal logits over 25 tokens: every entry is -ln 25, shape (batch, posn - 1)."""
    logits = torch.full((2, 6, 25), 1.7)
    tokens = torch.randint(0, 25, (2, 6), generator=torch.Generator().manual_seed(fresh_seed(1)))
    assert_tensor_close(call(room.get_log_probs, logits, tokens), torch.full((2, 5), -math.log(25)),
                        call="get_log_probs(uniform logits (2, 6, 25), tokens)", dims="batch posn-1")


def test_confident_model_scores_the_next_token(room):
    """Logits that put +20 on token (p + 1) % V at position p: every log-prob is near 0."""
    V, P = 7, 8
    tokens = (torch.arange(P) % V)[None].repeat(3, 1)
    logits = torch.zeros(3, P, V)
    logits[:, torch.arange(P), (torch.arange(P) + 1) % V] = 20.0
    got = call(room.get_log_probs, logits, tokens)
    expected = torch.full((3, P - 1), -math.log1p((V - 1) * math.exp(-20.0)))
    assert_tensor_close(got, expected, call="get_log_probs(logits confident about the next token)",
                        dims="batch posn-1", atol=1e-6)
