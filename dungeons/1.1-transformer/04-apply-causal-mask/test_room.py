"""Cases for Attention.apply_causal_mask: the grid, the diagonal, NaN-free softmax rows."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, assert_tensor_equal, call, fail

INF = float("inf")


def make(room):
    cfg = room.Config(d_model=32, debug=False, layer_norm_eps=1e-5, d_vocab=40,
                      init_range=0.02, n_ctx=16, d_head=8, d_mlp=64, n_heads=4, n_layers=2)
    return room.Attention(cfg)


def expected_mask(scores):
    """The oracle: a slow double loop over (query, key)."""
    out = scores.clone()
    q_len, k_len = scores.shape[-2:]
    for q in range(q_len):
        for k in range(k_len):
            if k > q:
                out[..., q, k] = -INF
    return out


def test_hand_checked_three_positions(room):
    """[[1,2,3],[4,5,6],[7,8,9]] keeps the lower triangle and the diagonal, -inf above."""
    attn = make(room)
    scores = torch.arange(1.0, 10.0).reshape(1, 1, 3, 3)
    expected = torch.tensor([[[[1, -INF, -INF], [4, 5, -INF], [7, 8, 9]]]])
    assert_tensor_equal(call(attn.apply_causal_mask, scores), expected,
                        call="apply_causal_mask(arange(1, 10) as (1, 1, 3, 3))",
                        dims="batch n_heads query_pos key_pos")


def test_query_sees_itself_and_the_past(room):
    """Random scores (2, 4, 6, 6): entries with key <= query unchanged, the rest IGNORE."""
    attn = make(room)
    g = torch.Generator().manual_seed(fresh_seed(0))
    scores = torch.randn(2, 4, 6, 6, generator=g)
    assert_tensor_equal(call(attn.apply_causal_mask, scores), expected_mask(scores),
                        call="apply_causal_mask(random scores of shape (2, 4, 6, 6))",
                        dims="batch n_heads query_pos key_pos")


def test_masked_entries_hold_the_ignore_buffer(room):
    """The future is filled with self.IGNORE itself (change the buffer and the output follows)."""
    attn = make(room)
    attn.IGNORE.fill_(-12345.0)
    scores = torch.zeros(1, 2, 4, 4)
    out = call(attn.apply_causal_mask, scores)
    expected = torch.triu(torch.full((4, 4), -12345.0), diagonal=1).expand(1, 2, 4, 4)
    assert_tensor_equal(out, expected, call="apply_causal_mask(zeros) with IGNORE = -12345",
                        dims="batch n_heads query_pos key_pos")


def test_softmax_rows_are_valid_distributions(room):
    """After the mask, softmax over keys has no NaN, rows sum to 1, query 0 looks only at key 0."""
    attn = make(room)
    g = torch.Generator().manual_seed(fresh_seed(1))
    scores = torch.randn(3, 2, 7, 7, generator=g) * 5
    masked = call(attn.apply_causal_mask, scores)
    if not isinstance(masked, torch.Tensor) or masked.shape != scores.shape:
        assert_tensor_equal(masked, expected_mask(scores), call="apply_causal_mask(scores)")
    if torch.isnan(masked).any():
        fail("apply_causal_mask returned NaN scores: multiplying by a 0/1 mask gives "
             "0 * -inf = NaN; replace the entries instead", kind="nan")
    probs = masked.softmax(dim=-1)
    if torch.isnan(probs).any():
        fail("softmax(masked scores) has NaN rows: some query sees no key at all "
             "(is the diagonal masked too?)", kind="nan")
    assert_tensor_close(probs.sum(-1), torch.ones(3, 2, 7), call="softmax(masked).sum(-1)",
                        dims="batch n_heads query_pos")
    assert_tensor_close(probs[..., 0, :], torch.eye(7)[0].expand(3, 2, 7),
                        call="softmax(masked)[..., 0, :] (query 0)", dims="batch n_heads key_pos")
    later = torch.triu(torch.ones(7, 7, dtype=torch.bool), diagonal=1)
    assert_tensor_equal(probs[..., later], torch.zeros(3, 2, int(later.sum())),
                        call="softmax(masked) at keys after the query")


def test_any_length_and_single_position(room):
    """Length 1 is left unchanged; length 16 (= n_ctx) is masked like the slow loop."""
    attn = make(room)
    one = torch.full((2, 4, 1, 1), 0.5)
    assert_tensor_equal(call(attn.apply_causal_mask, one), one,
                        call="apply_causal_mask(scores of shape (2, 4, 1, 1))")
    g = torch.Generator().manual_seed(fresh_seed(2))
    scores = torch.randn(1, 4, 16, 16, generator=g)
    assert_tensor_equal(call(attn.apply_causal_mask, scores), expected_mask(scores),
                        call="apply_causal_mask(scores of shape (1, 4, 16, 16))",
                        dims="batch n_heads query_pos key_pos")
