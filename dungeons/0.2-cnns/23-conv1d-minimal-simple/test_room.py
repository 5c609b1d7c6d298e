"""Cases for conv1d_minimal_simple: hand-checked, edges and random signals vs torch's conv1d."""

import torch
import torch.nn.functional as F

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, call_watched, fail


def _oracle(x: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    return F.conv1d(x[None, None], w[None, None])[0, 0]


def _check(room, x: torch.Tensor, w: torch.Tensor, label: str, **kw) -> None:
    got = call(room.conv1d_minimal_simple, x, w)
    assert_tensor_close(got, _oracle(x, w), call=f"conv1d_minimal_simple({label})",
                        dims="output_width", **kw)


def test_edge_detector_hand_checked(room):
    """[1, 2, 4, 7, 11] with kernel [1, 0, -1] gives [-3, -5, -7] (a flipped kernel gives +)."""
    x = torch.tensor([1.0, 2.0, 4.0, 7.0, 11.0])
    w = torch.tensor([1.0, 0.0, -1.0])
    got = call(room.conv1d_minimal_simple, x, w)
    assert_tensor_close(got, torch.tensor([-3.0, -5.0, -7.0]),
                        call="conv1d_minimal_simple([1, 2, 4, 7, 11], [1, 0, -1])",
                        dims="output_width")


def test_random_signals_vs_torch_conv1d(room):
    """Random signals and kernels of several lengths (seed 0)."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for w, kw in [(10, 3), (7, 2), (12, 5), (6, 4), (9, 9)]:
        x, k = torch.randn(w, generator=gen), torch.randn(kw, generator=gen)
        _check(room, x, k, f"randn({w}), randn({kw})")


def test_kernel_as_long_as_the_signal(room):
    """kw == w: exactly one window fits, so the output has length 1."""
    x = torch.tensor([1.0, 2.0, 3.0])
    _check(room, x, torch.tensor([1.0, 10.0, 100.0]), "[1, 2, 3], [1, 10, 100]")


def test_kernel_of_length_one(room):
    """kw == 1: every position is its own window, scaled by the single weight."""
    x = torch.tensor([1.0, -2.0, 3.0, 0.5])
    _check(room, x, torch.tensor([2.0]), "[1, -2, 3, 0.5], [2]")


def test_non_contiguous_signal(room):
    """x = buf[::2]: neighbouring entries are 2 apart in memory (seed 1)."""
    torch.manual_seed(fresh_seed(1))
    buf = torch.randn(16)
    _check(room, buf[::2], torch.randn(3), "buf[::2] (stride 2), randn(3)")


def test_float64_inputs(room):
    """float64 in, float64 out (seed 2)."""
    torch.manual_seed(fresh_seed(2))
    x = torch.randn(11, dtype=torch.float64)
    w = torch.randn(4, dtype=torch.float64)
    _check(room, x, w, "float64 (11,), float64 (4,)", exact_dtype=True)


def test_windows_built_with_as_strided(room):
    """Runs on as_strided, without torch's conv1d or unfold."""
    _, used = call_watched(room.conv1d_minimal_simple, torch.ones(5), torch.ones(2))
    banned = sorted(used & {"conv1d", "conv2d", "convolution", "unfold", "conv_tbc"})
    if banned:
        fail(f"conv1d_minimal_simple called torch's {', '.join(banned)}: build the "
             "windows yourself with as_strided", kind="rule")
    if "as_strided" not in used:
        fail("conv1d_minimal_simple never called as_strided: this room is about the "
             "window view", kind="rule")
