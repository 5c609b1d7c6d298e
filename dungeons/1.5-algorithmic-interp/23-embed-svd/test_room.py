"""Cases for embed_SVD: against the square roots of the eigenvalues of W W^T (an
independent route), on small random models of both shapes, with the "=" row left out,
and across the shipped checkpoints."""

import torch

import grokking
from arena_dungeon.testing import assert_tensor_close, call, curve, fresh_seed, note


def _random_model(seed: int, p: int, d_model: int) -> grokking.GrokkingTransformer:
    torch.manual_seed(seed)
    return grokking.GrokkingTransformer(grokking.Config(p=p, d_model=d_model, n_heads=2,
                                                        d_head=d_model // 2, d_mlp=16))


def _oracle(model) -> torch.Tensor:
    W = model.W_E[: model.cfg.p].detach().double()
    small = W @ W.T if W.shape[0] <= W.shape[1] else W.T @ W
    return torch.linalg.eigvalsh(small).clamp(min=0).sqrt().flip(0).float()


def test_random_model(room):
    """p = 7, d_model 8: seven singular values, largest first."""
    model = _random_model(fresh_seed(0), 7, 8)
    assert_tensor_close(call(room.embed_SVD, model), _oracle(model), atol=1e-4,
                        call="embed_SVD(random model, p = 7, d_model 8)", dims="k")


def test_equals_row_left_out(room):
    """p = 11, d_model 16, the "=" embedding made huge: it must not count."""
    model = _random_model(fresh_seed(1), 11, 16)
    with torch.no_grad():
        model.W_E[-1] = 50.0
    assert_tensor_close(call(room.embed_SVD, model), _oracle(model), atol=1e-4,
                        call="embed_SVD(random model, p = 11, W_E[-1] = 50)", dims="k")


def test_narrow_model(room):
    """p = 13, d_model 4: only four singular values."""
    model = _random_model(fresh_seed(2), 13, 4)
    assert_tensor_close(call(room.embed_SVD, model), _oracle(model), atol=1e-4,
                        call="embed_SVD(random model, p = 13, d_model 4)", dims="k")


def test_across_checkpoints(room):
    """Every shipped checkpoint: against the oracle; the grokked model's spectrum has 8
    values (4 frequencies x cos, sin) above the rest."""
    gaps = []
    for step, model in grokking.load_checkpoints():
        got = call(room.embed_SVD, model)
        assert_tensor_close(got, _oracle(model), atol=1e-3, call=f"embed_SVD(checkpoint {step})",
                            dims="k")
        gaps.append(f"{step}: {float(got[7] / got[8]):.2f}")
    curve("embed_SVD(load_model()): singular values of W_E[:53], largest first", got.tolist())
    note("ratio of the 8th to the 9th singular value per checkpoint: " + ", ".join(gaps))
