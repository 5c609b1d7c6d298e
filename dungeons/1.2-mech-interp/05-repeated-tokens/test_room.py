"""Cases for generate_repeated_tokens and run_and_cache_model_repeated_tokens."""

import torch

import tiny_lens
from arena_dungeon.testing import (assert_shape, assert_tensor_close, call, curve, describe,
                                   fail, note)


def _model(d_vocab=64, n_ctx=41, seed=0):
    torch.manual_seed(seed)
    return tiny_lens.HookedTransformer(tiny_lens.Config(d_vocab=d_vocab, n_ctx=n_ctx))


def _tokens(room, model, seq_len, batch_size, seed=0):
    torch.manual_seed(seed)
    label = f"generate_repeated_tokens(model, {seq_len}, batch_size={batch_size})"
    got = call(room.generate_repeated_tokens, model, seq_len, batch_size=batch_size)
    assert_shape(got, (batch_size, 1 + 2 * seq_len), call=label, dims="batch 1+2*seq_len")
    if got.dtype != torch.int64:
        fail(f"{label} has dtype {got.dtype}, expected torch.int64 (token ids)", kind="dtype")
    return got, label


def _check_structure(tokens, seq_len, d_vocab, label):
    if not (tokens[:, 0] == 0).all():
        fail(f"{label}[:, 0] is {tokens[:, 0].tolist()}, expected BOS (0) at the start of every row")
    first, second = tokens[:, 1:1 + seq_len], tokens[:, 1 + seq_len:]
    if not torch.equal(first, second):
        row = int((first != second).any(-1).nonzero()[0])
        fail(f"{label}: row {row}'s second half {second[row].tolist()[:10]}... is not a copy of "
             f"its first half {first[row].tolist()[:10]}...")
    bad = (first < 1) | (first >= d_vocab)
    if bad.any():
        fail(f"{label} contains token {int(first[bad][0])}; the random tokens must be in "
             f"1 .. {d_vocab - 1} (0 is BOS, d_vocab is {d_vocab})")


def test_default_batch_of_one(room):
    """generate_repeated_tokens(model, 5): shape (1, 11), BOS then a block repeated."""
    model = _model()
    torch.manual_seed(0)
    got = call(room.generate_repeated_tokens, model, 5)
    assert_shape(got, (1, 11), call="generate_repeated_tokens(model, 5)", dims="batch 1+2*seq_len")
    _check_structure(got, 5, 64, "generate_repeated_tokens(model, 5)")


def test_second_half_repeats_first(room):
    """Batch 3, seq_len 10: BOS, then each row's block twice; rows differ from each other."""
    model = _model()
    tokens, label = _tokens(room, model, 10, 3)
    _check_structure(tokens, 10, 64, label)
    if torch.equal(tokens[0], tokens[1]) and torch.equal(tokens[1], tokens[2]):
        fail(f"{label}: all 3 rows are identical ({tokens[0].tolist()[:8]}...); each row should "
             "get its own random tokens")


def test_tokens_in_range(room):
    """A model with d_vocab 3 and seq_len 300: only tokens 1 and 2, both of them, after BOS."""
    model = _model(d_vocab=3, n_ctx=601)
    tokens, label = _tokens(room, model, 300, 2)
    _check_structure(tokens, 300, 3, label)
    seen = sorted(set(tokens[:, 1:].flatten().tolist()))
    if seen != [1, 2]:
        fail(f"{label} uses tokens {seen} after BOS, expected both 1 and 2 (uniform over "
             "1 .. d_vocab - 1)")


def test_run_and_cache(room):
    """run_and_cache_model_repeated_tokens(model, 8, batch_size=2): logits and cache match the model's run."""
    model = _model(seed=3)
    torch.manual_seed(0)
    label = "run_and_cache_model_repeated_tokens(model, 8, batch_size=2)"
    got = call(room.run_and_cache_model_repeated_tokens, model, 8, batch_size=2)
    if not (isinstance(got, tuple) and len(got) == 3):
        fail(f"{label} returned {describe(got)}, expected (tokens, logits, cache)", kind="type")
    tokens, logits, cache = got
    assert_shape(tokens, (2, 17), call=f"{label}[0] (tokens)", dims="batch 1+2*seq_len")
    _check_structure(tokens, 8, 64, f"{label}[0]")
    expected_logits, expected_cache = model.run_with_cache(tokens)
    assert_tensor_close(logits, expected_logits, atol=1e-5, call=f"{label}[1] (logits) vs model(tokens)",
                        dims="batch pos d_vocab")
    if not isinstance(cache, tiny_lens.ActivationCache) or ("pattern", 1) not in cache:
        fail(f"{label}[2] is {describe(cache)}, expected the ActivationCache from "
             "model.run_with_cache(tokens)", kind="type")
    assert_tensor_close(cache["pattern", 1], expected_cache["pattern", 1], atol=1e-5,
                        call=f'{label}[2]["pattern", 1] vs a fresh run on the returned tokens',
                        dims="batch head q_pos k_pos")


def test_shipped_model_log_probs(room):
    """The trained model on 10 repeated sequences (seq_len 20): first half vs second half."""
    model = tiny_lens.load_model()
    torch.manual_seed(0)
    got = call(room.run_and_cache_model_repeated_tokens, model, 20, batch_size=10)
    tokens = got[0]
    assert_shape(tokens, (10, 41), call="run_and_cache_model_repeated_tokens(load_model(), 20, batch_size=10)[0]")
    _check_structure(tokens, 20, 64, "run_and_cache_model_repeated_tokens(load_model(), 20, batch_size=10)[0]")
    log_probs = model(tokens).log_softmax(-1)
    correct = log_probs[:, :-1].gather(-1, tokens[:, 1:, None])[..., 0]  # (10, 40)
    per_pos = correct.mean(0)
    curve("log-prob of the correct next token, by position (mean of 10 sequences)",
          per_pos.tolist())
    note(f"mean log-prob of the correct next token: first half {per_pos[:20].mean():.2f}, "
         f"second half {per_pos[20:].mean():.2f} (chance is ln(1/63) = -4.14)")
