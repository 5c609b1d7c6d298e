"""Cases for get_q_and_k_for_given_input. The oracle recomputes q and k from the weights:
ln1 of the layer applied to the cached residual stream, then @ W_Q + b_Q and @ W_K + b_K."""

import torch

import brackets
from arena_dungeon.testing import assert_tensor_close, call, fail, load_asset_module, note

CHECKS = load_asset_module(__file__, "bracket_checks")
TOKENIZER = brackets.SimpleTokenizer()


def _oracle(model, parens, layer):
    _, cache = model.run_with_cache(TOKENIZER.tokenize(parens))
    x = model.blocks[layer].ln1(cache["resid_pre", layer])[0]  # (seq, d_model)
    attn = model.blocks[layer].attn
    q = torch.einsum("sd,hde->she", x, attn.W_Q) + attn.b_Q
    k = torch.einsum("sd,hde->she", x, attn.W_K) + attn.b_K
    return q, k


def _check(room, model, parens, layer, label):
    got = call(room.get_q_and_k_for_given_input, model, TOKENIZER, parens, layer)
    left = [name for name, h in model.hook_dict.items() if h.fwd_hooks]
    if left:
        fail(f"after {label}, hooks are still attached at {left[:3]}", kind="value",
             details="Pass the hooks to model.run_with_hooks, which removes them afterwards.")
    if not isinstance(got, tuple) or len(got) != 2:
        fail(f"{label} returned {type(got).__name__}, expected a tuple (q, k)", kind="type")
    q, k = _oracle(model, parens, layer)
    assert_tensor_close(got[0], q, atol=1e-4, call=f"{label}[0] (q)", dims="seq head d_head")
    assert_tensor_close(got[1], k, atol=1e-4, call=f"{label}[1] (k)", dims="seq head d_head")
    return got


def test_layer_0_random_model(room):
    """A random model, "(()", layer 0: q and k (5, 2, 28)."""
    _check(room, CHECKS.random_model(0), "(()", 0,
           'get_q_and_k_for_given_input(model, tokenizer, "(()", 0)')


def test_last_layer_random_model(room):
    """The same model, a longer string, layer 2."""
    _check(room, CHECKS.random_model(0), "()(())))((", 2,
           'get_q_and_k_for_given_input(model, tokenizer, "()(())))((", 2)')


def test_other_shape(room):
    """4 heads of 6 (d_model 24), layer 1, the empty string (just [start] and [end])."""
    model = CHECKS.random_model(1, d_model=24, n_heads=4, d_head=6)
    _check(room, model, "", 1, 'get_q_and_k_for_given_input(model, tokenizer, "", 1)')


def test_shipped_model_layer_1(room):
    """The trained model, "(())()((", layer 1: the note gives head 1.1's attention scores
    from position 0, rebuilt from your q and k."""
    model = brackets.load_model()
    q, k = _check(room, model, "(())()((", 1,
                  'get_q_and_k_for_given_input(load_model(), tokenizer, "(())()((", 1)')
    scores = q[0, 1] @ k[:, 1].T / 28 ** 0.5
    note("head 1.1, query 0, softmax of q.k/sqrt(28) over the 10 keys: "
         + " ".join(f"{p:.2f}" for p in scores.softmax(-1).tolist()))
