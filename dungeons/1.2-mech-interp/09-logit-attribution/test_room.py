"""Cases for logit_attribution: a slow-loop oracle on small random tensors, and on the
trained model the row sums against the model's own correct-token logits (minus biases)."""

import torch

import tiny_lens
from arena_dungeon.testing import assert_shape, assert_tensor_close, call, note, show_picture


def _oracle(embed, l1, l2, W_U, tokens):
    """Slow loop: entry [i, c] = component c at position i, dotted with W_U[:, tokens[i + 1]]."""
    seq, heads, _ = l1.shape
    out = torch.zeros(seq - 1, 1 + 2 * heads)
    for i in range(seq - 1):
        col = W_U[:, tokens[i + 1]]
        out[i, 0] = embed[i] @ col
        for h in range(heads):
            out[i, 1 + h] = l1[i, h] @ col
            out[i, 1 + heads + h] = l2[i, h] @ col
    return out


def _random_inputs(seed, seq, heads, d, vocab):
    gen = torch.Generator().manual_seed(seed)
    return (torch.randn(seq, d, generator=gen), torch.randn(seq, heads, d, generator=gen),
            torch.randn(seq, heads, d, generator=gen), torch.randn(d, vocab, generator=gen),
            torch.randint(0, vocab, (seq,), generator=gen))


def test_tiny_case(room):
    """seq 3, one head per layer, d_model 2, vocab 3: a 2 x 3 table, checked by a loop."""
    args = _random_inputs(0, seq=3, heads=1, d=2, vocab=3)
    got = call(room.logit_attribution, *args)
    assert_tensor_close(got, _oracle(*args), call="logit_attribution(embed (3, 2), l1 (3, 1, 2), "
                        "l2 (3, 1, 2), W_U (2, 3), tokens (3,))", dims="seq-1 components", atol=1e-5)


def test_random_components(room):
    """seq 7, 3 heads, d_model 5, vocab 11: columns are [embed, layer-0 heads, layer-1 heads]."""
    args = _random_inputs(1, seq=7, heads=3, d=5, vocab=11)
    got = call(room.logit_attribution, *args)
    assert_tensor_close(got, _oracle(*args), call="logit_attribution on random (7, 3, 5) inputs, "
                        "vocab 11", dims="seq-1 components", atol=1e-4)


def test_row_sums_match_the_trained_model(room):
    """Shipped model, BOS + x + x (seq_len 20): each row sums to the correct-token logit,
    minus b_U and the b_O terms (constants that belong to no head)."""
    model = tiny_lens.load_model()
    gen = torch.Generator().manual_seed(0)
    x = torch.randint(1, 64, (20,), generator=gen)
    tokens = torch.cat([torch.zeros(1, dtype=torch.long), x, x])
    logits, cache = model.run_with_cache(tokens, remove_batch_dim=True)
    logits = logits[0]
    embed, l1, l2 = cache["embed"], cache["result", 0], cache["result", 1]
    got = call(room.logit_attribution, embed, l1, l2, model.W_U, tokens)
    assert_shape(got, (40, 9), call="logit_attribution on the trained model", dims="seq-1 components")
    targets = tokens[1:]
    correct = logits[:-1].gather(-1, targets[:, None])[:, 0]
    bias = model.b_U[targets] + model.b_O.sum(0) @ model.W_U[:, targets]
    assert_tensor_close(got.sum(-1), correct - bias, call="logit_attribution(...).sum(-1) on the "
                        "trained model, vs correct-token logits - b_U - (b_O[0] + b_O[1]) @ W_U",
                        dims="seq-1", atol=1e-3)
    assert_tensor_close(got, _oracle(embed, l1, l2, model.W_U, tokens), atol=1e-4,
                        call="logit_attribution on the trained model", dims="seq-1 components")
    img = (got.T.clamp(-10, 10) / 20 + 0.5).contiguous()  # (components, positions), grey = 0
    show_picture(torch.kron(img, torch.ones(8, 8)), "rows: embed, 0.0-0.3, 1.0-1.3; columns: "
                 "positions 0-39 (white = pushes the correct token up)")
    second = got[21:].mean(0)
    note("mean attribution on the second copy: embed {:.1f}; layer 0 {}; layer 1 {}".format(
        second[0], " ".join(f"{v:.1f}" for v in second[1:5]),
        " ".join(f"{v:.1f}" for v in second[5:])))


def test_two_positions_one_row(room):
    """seq 2, 2 heads: only position 0 has a target, so one row of 5."""
    args = _random_inputs(3, seq=2, heads=2, d=4, vocab=6)
    got = call(room.logit_attribution, *args)
    assert_tensor_close(got, _oracle(*args), call="logit_attribution(embed (2, 4), l1 (2, 2, 4), "
                        "l2 (2, 2, 4), W_U (4, 6), tokens (2,))", dims="seq-1 components", atol=1e-5)
