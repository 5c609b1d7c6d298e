"""Cases for fourier_embed: small random models against a loop over components, the "="
row left out, and the shipped grokked model, whose embedding sits on its key frequencies."""

import torch

import grokking
from arena_dungeon.testing import assert_tensor_close, call, curve, fresh_seed, note
from fourier_basis import make_fourier_basis


def _random_model(seed: int, p: int) -> grokking.GrokkingTransformer:
    torch.manual_seed(seed)
    return grokking.GrokkingTransformer(grokking.Config(p=p, d_model=8, n_heads=2, d_head=4,
                                                        d_mlp=16))


def _oracle(model) -> torch.Tensor:
    p = model.cfg.p
    basis = make_fourier_basis(p)[0].double()
    W_E = model.W_E[:p].detach().double()
    return torch.tensor([sum(float(basis[i] @ W_E[:, d]) ** 2 for d in range(W_E.shape[1]))
                         for i in range(p)]).float()


def test_random_small_model(room):
    """A random model with p = 7, d_model 8."""
    model = _random_model(fresh_seed(0), 7)
    assert_tensor_close(call(room.fourier_embed, model), _oracle(model), atol=1e-4,
                        call="fourier_embed(random model, p = 7)", dims="component")


def test_equals_row_left_out(room):
    """p = 11, with the "=" token's embedding made huge: it must not count."""
    model = _random_model(fresh_seed(1), 11)
    with torch.no_grad():
        model.W_E[-1] = 100.0
    assert_tensor_close(call(room.fourier_embed, model), _oracle(model), atol=1e-4,
                        call="fourier_embed(random model, p = 11, W_E[-1] = 100)",
                        dims="component")


def test_total_is_kept(room):
    """p = 13: the basis is orthonormal, so the entries add up to the embedding's squared norm."""
    model = _random_model(fresh_seed(2), 13)
    got = call(room.fourier_embed, model)
    assert_tensor_close(got.sum(), model.W_E[:13].pow(2).sum(), atol=1e-3,
                        call="fourier_embed(random model, p = 13).sum()")


def test_grokked_model(room):
    """The shipped model (p = 53): against the oracle; the four largest frequencies are the
    run's key frequencies."""
    model = grokking.load_model()
    got = call(room.fourier_embed, model)
    assert_tensor_close(got, _oracle(model), atol=1e-3, call="fourier_embed(load_model())",
                        dims="component")
    per_freq = got[1:].reshape(-1, 2).sum(1)
    top = sorted((per_freq.argsort(descending=True)[:4] + 1).tolist())
    curve("fourier_embed(load_model()): squared norm per component (Const, cos 1, sin 1, ...)",
          got.tolist())
    note(f"largest frequencies (cos k + sin k): {top}, holding "
         f"{float(per_freq.sort(descending=True).values[:4].sum() / got.sum()):.0%} of the "
         f"embedding's squared norm")
