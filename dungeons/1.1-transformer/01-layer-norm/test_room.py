"""Cases for LayerNorm: statistics per position, torch's layer_norm, eps placement."""

import torch
import torch.nn.functional as F

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call

D = 32


def make(room, eps=1e-5, d_model=D, seed=None):
    cfg = room.Config(d_model=d_model, debug=False, layer_norm_eps=eps, d_vocab=40,
                      init_range=0.02, n_ctx=16, d_head=8, d_mlp=64, n_heads=4, n_layers=2)
    ln = room.LayerNorm(cfg)
    if seed is not None:
        g = torch.Generator().manual_seed(seed)
        with torch.no_grad():
            ln.w.copy_(1 + 0.5 * torch.randn(d_model, generator=g))
            ln.b.copy_(0.5 * torch.randn(d_model, generator=g))
    return ln


def test_hand_checked_four_features(room):
    """[0, 2, 4, 6]: mean 3, variance 5, so the output is [-3, -1, 1, 3] / sqrt(5 + eps)."""
    ln = make(room, d_model=4)
    x = torch.tensor([[[0.0, 2.0, 4.0, 6.0]]])
    expected = torch.tensor([[[-3.0, -1.0, 1.0, 3.0]]]) / (5.0 + 1e-5) ** 0.5
    assert_tensor_close(call(ln, x), expected, call="LayerNorm(d_model=4)([[[0, 2, 4, 6]]])",
                        dims="batch posn d_model")


def test_normalised_positions_have_mean_zero_variance_one(room):
    """With w = 1, b = 0 every position comes out with mean 0 and (biased) variance 1."""
    torch.manual_seed(fresh_seed(0))
    x = torch.randn(3, 5, D) * 3 + 2
    out = call(make(room), x)
    assert_tensor_close(out, torch.zeros_like(x), call="LayerNorm(x)", dims="batch posn d_model",
                        atol=1e9, rtol=0)  # shape and dtype only
    mean = out.mean(-1)
    var = ((out - mean[..., None]) ** 2).mean(-1)
    assert_tensor_close(mean, torch.zeros(3, 5), call="LayerNorm(x).mean(-1)", atol=1e-5,
                        dims="batch posn")
    assert_tensor_close(var, torch.ones(3, 5), call="biased variance of LayerNorm(x) over d_model",
                        atol=1e-3, rtol=0, dims="batch posn")


def test_matches_torch_layer_norm(room):
    """Random w, b and input: same values as torch's F.layer_norm."""
    ln = make(room, seed=1)
    g = torch.Generator().manual_seed(fresh_seed(2))
    x = torch.randn(4, 7, D, generator=g) * 2 - 1
    expected = F.layer_norm(x, (D,), ln.w.detach(), ln.b.detach(), 1e-5)
    assert_tensor_close(call(ln, x), expected, call="LayerNorm(x) with random w, b",
                        dims="batch posn d_model", atol=1e-4, rtol=1e-3)


def test_positions_far_from_zero(room):
    """Positions offset by 3000 with spread about 1 (a residual stream with a big shared
    direction): the same values as F.layer_norm; the variance must be taken around the mean."""
    ln = make(room, seed=3)
    g = torch.Generator().manual_seed(fresh_seed(4))
    x = torch.randn(2, 5, D, generator=g) + 3000
    expected = F.layer_norm(x, (D,), ln.w.detach(), ln.b.detach(), 1e-5)
    assert_tensor_close(call(ln, x), expected, call="LayerNorm(3000 + randn(2, 5, 32))",
                        dims="batch posn d_model", atol=1e-2, rtol=1e-2)


def test_epsilon_sits_inside_the_square_root(room):
    """eps = 0.1 and a small-variance input: sqrt(var + eps) and sqrt(var) + eps now differ."""
    ln = make(room, eps=0.1, seed=3)
    g = torch.Generator().manual_seed(fresh_seed(4))
    x = torch.randn(2, 6, D, generator=g) * 0.2
    expected = F.layer_norm(x, (D,), ln.w.detach(), ln.b.detach(), 0.1)
    assert_tensor_close(call(ln, x), expected, call="LayerNorm(x) with layer_norm_eps=0.1",
                        dims="batch posn d_model", atol=1e-4, rtol=1e-3)


def test_positions_are_normalised_independently(room):
    """Scaling one position's features leaves the other positions' outputs unchanged."""
    ln = make(room, seed=5)
    g = torch.Generator().manual_seed(fresh_seed(6))
    x = torch.randn(1, 4, D, generator=g)
    y = x.clone()
    y[0, 2] = y[0, 2] * 10 + 3
    out_x, out_y = call(ln, x), call(ln, y)
    keep = [0, 1, 3]
    assert_tensor_close(out_y[0, keep], out_x[0, keep].detach(),
                        call="LayerNorm(x) at the positions that did not change",
                        dims="posn d_model", atol=1e-5)
