"""Cases for full_ov_circuit: a FactoredMatrix equal to W_E W_V W_O W_U (random and trained model)."""

import torch

import tiny_lens
from arena_dungeon.testing import assert_tensor_close, call, describe, fail, note


def _random_model(seed):
    torch.manual_seed(seed)
    model = tiny_lens.HookedTransformer(tiny_lens.Config(d_vocab=50, d_model=24, d_head=6, n_heads=3))
    for p in model.parameters():
        p.requires_grad_(False)
    return model


def _dense(model, layer, head):
    # the slow, obvious product, one matrix at a time
    m = model.W_E
    for w in (model.blocks[layer].attn.W_V[head], model.blocks[layer].attn.W_O[head], model.W_U):
        m = m @ w
    return m


def _check(room, model, layer, head):
    what = f"full_ov_circuit(model, {layer}, {head})"
    got = call(room.full_ov_circuit, model, layer, head)
    if not isinstance(got, tiny_lens.FactoredMatrix):
        fail(f"{what} returned {describe(got)}, expected a tiny_lens.FactoredMatrix", kind="type",
             details="Keep the product in two factors: FactoredMatrix(A, B).")
    expected = _dense(model, layer, head)
    if tuple(got.shape) != tuple(expected.shape):
        fail(f"{what}.shape is {tuple(got.shape)}, expected {tuple(expected.shape)} (d_vocab, d_vocab)",
             kind="shape", details="Rows are source tokens (W_E first), columns are logits (W_U last).")
    assert_tensor_close(got.get_corner(4), expected[:4, :4], call=f"{what}.get_corner(4)",
                        atol=1e-5, rtol=1e-4)
    assert_tensor_close(got.AB, expected, call=f"{what}.AB", dims="d_vocab d_vocab", atol=1e-5, rtol=1e-4)
    return got, expected


def test_matches_dense_product_random_model(room):
    """A random model (vocab 50, 3 heads of size 6), head 1.2: equal to the dense product."""
    _check(room, _random_model(0), 1, 2)


def test_other_layer_and_head(room):
    """Another random model, head 0.1 (layer and head are not swapped or fixed)."""
    _check(room, _random_model(1), 0, 1)


def test_kept_in_factors(room):
    """The hidden dimension stays small (d_head), so the matrix is never built in full."""
    model = _random_model(2)
    got = call(room.full_ov_circuit, model, 1, 0)
    if isinstance(got, tiny_lens.FactoredMatrix) and got.mdim > model.cfg.d_model:
        fail(f"full_ov_circuit(model, 1, 0) has hidden dim {got.mdim}, expected at most "
             f"d_model = {model.cfg.d_model} (ideally d_head = {model.cfg.d_head})", kind="value",
             details="You built the whole (d_vocab, d_vocab) matrix and wrapped it; keep it in factors.")
    _check(room, model, 1, 0)


def test_trained_model_head_1_3(room):
    """The shipped model's strongest induction head 1.3: its OV circuit copies tokens."""
    model = tiny_lens.load_model()
    got, expected = _check(room, model, 1, 3)
    copies = (expected.argmax(dim=1) == torch.arange(expected.shape[0])).float().mean().item()
    note(f"head 1.3 OV circuit: row argmax on the diagonal for {copies:.0%} of tokens (it copies)")
