"""Cases for effective_ov_circuit: the sum of the chosen heads' OV circuits, kept factored."""

import torch

import tiny_lens
from arena_dungeon.testing import assert_equal, assert_tensor_close, call, describe, fail, note


def _random_model(seed):
    torch.manual_seed(seed)
    model = tiny_lens.HookedTransformer(tiny_lens.Config(d_vocab=40, d_model=24, d_head=6, n_heads=4))
    for p in model.parameters():
        p.requires_grad_(False)
    return model


def _oracle(model, layer, heads):
    total = torch.zeros(model.cfg.d_vocab, model.cfg.d_vocab)
    for h in heads:  # one head at a time, dense
        attn = model.blocks[layer].attn
        total += model.W_E @ attn.W_V[h] @ attn.W_O[h] @ model.W_U
    return total


def _check(room, model, layer, heads):
    what = f"effective_ov_circuit(model, {layer}, {heads})"
    got = call(room.effective_ov_circuit, model, layer, heads)
    if not isinstance(got, tiny_lens.FactoredMatrix):
        fail(f"{what} returned {describe(got)}, expected a tiny_lens.FactoredMatrix", kind="type")
    assert_tensor_close(got.AB, _oracle(model, layer, heads), call=f"{what}.AB",
                        dims="d_vocab d_vocab", atol=1e-5, rtol=1e-4)
    return got


def test_one_head_is_its_own_circuit(room):
    """heads=[2]: just head 1.2's W_E W_V W_O W_U (random model)."""
    _check(room, _random_model(0), 1, [2])


def test_sum_of_two_heads_random_model(room):
    """heads=[1, 3] in layer 0 of a random model: the sum of the two heads' circuits."""
    _check(room, _random_model(1), 0, [1, 3])


def test_hidden_dim_is_joined_heads(room):
    """heads=[0, 2]: hidden dim 2 * d_head = 12 (heads joined, not dense matrices summed)."""
    model = _random_model(2)
    got = _check(room, model, 1, [0, 2])
    assert_equal(got.mdim, 2 * model.cfg.d_head, call="effective_ov_circuit(model, 1, [0, 2]).mdim")


def test_all_induction_heads_trained_model(room):
    """The shipped model, all four layer-1 heads: the joined circuit copies more than any single head."""
    model = tiny_lens.load_model()
    _check(room, model, 1, [0, 1, 2, 3])
    accs = []
    for heads in ([3], [0, 1, 2, 3]):
        m = _oracle(model, 1, heads)
        accs.append((m.argmax(1) == torch.arange(m.shape[0])).float().mean().item())
    note(f"copying (top-1) accuracy: head 1.3 alone {accs[0]:.2f}, heads 1.0-1.3 together {accs[1]:.2f}")
