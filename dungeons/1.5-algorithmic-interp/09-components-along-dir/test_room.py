"""Cases for get_out_by_component_in_unbalanced_dir, against a plain double loop."""

import torch

import brackets
import bracket_tools
from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, note


def _oracle(out, direction, isbal):
    n_comp, batch = out.shape[:2]
    along = torch.zeros(n_comp, batch)
    for c in range(n_comp):
        for b in range(batch):
            along[c, b] = (out[c, b, 0] * direction).sum()
    for c in range(n_comp):
        along[c] -= along[c][isbal].mean()
    return along


def test_hand_checked(room):
    """2 components, 3 strings (the first balanced), d_model 2: by hand."""
    out = torch.zeros(2, 3, 4, 2)
    out[:, :, 0] = torch.tensor([[[1.0, 0.0], [2.0, 1.0], [0.0, 3.0]],
                                 [[0.0, 1.0], [1.0, 1.0], [5.0, 0.0]]])
    out[:, :, 1:] = 7.0  # other positions must not count
    direction = torch.tensor([2.0, -1.0])
    isbal = torch.tensor([True, False, False])
    got = call(room.get_out_by_component_in_unbalanced_dir, out, direction, isbal)
    # projections [[2, 3, -3], [-1, 1, 10]], minus the first column
    assert_tensor_close(got, torch.tensor([[0.0, 1.0, -5.0], [0.0, 2.0, 11.0]]),
                        call="get_out_by_component_in_unbalanced_dir(out (2, 3, 4, 2), "
                        "[2, -1], [True, False, False])", dims="component batch")


def test_random_tensors(room):
    """10 components, 30 strings of 12 positions, d_model 56 (seed 0)."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    out = torch.randn(10, 30, 12, 56, generator=gen)
    direction = torch.randn(56, generator=gen)
    isbal = torch.rand(30, generator=gen) < 0.5
    got = call(room.get_out_by_component_in_unbalanced_dir, out, direction, isbal)
    assert_tensor_close(got, _oracle(out, direction, isbal), atol=1e-4,
                        call="get_out_by_component_in_unbalanced_dir(random (10, 30, 12, 56))",
                        dims="component batch")


def test_one_balanced_string(room):
    """Only string 2 is balanced: its column becomes exactly zero."""
    gen = torch.Generator().manual_seed(fresh_seed(1))
    out = torch.randn(4, 5, 3, 8, generator=gen)
    direction = torch.randn(8, generator=gen)
    isbal = torch.tensor([False, False, True, False, False])
    got = call(room.get_out_by_component_in_unbalanced_dir, out, direction, isbal)
    assert_tensor_close(got, _oracle(out, direction, isbal), atol=1e-4,
                        call="get_out_by_component_in_unbalanced_dir(..., isbal with one True)",
                        dims="component batch")


def test_shipped_model(room):
    """The trained model, 300 strings: the note gives each component's mean on each
    failure kind."""
    model, data = brackets.load_model(), brackets.load_data(300)
    out = bracket_tools.get_out_by_components(model, data)
    direction = bracket_tools.get_pre_final_ln_dir(model, data)
    got = call(room.get_out_by_component_in_unbalanced_dir, out, direction, data.isbal)
    expected = _oracle(out, direction, data.isbal)
    assert_tensor_close(got, expected, atol=1e-3, call="get_out_by_component_in_unbalanced_dir"
                        "(shipped model's components, 300 strings)", dims="component batch")
    elev, neg = bracket_tools.is_balanced_vectorized_return_both(data.toks)
    names = ["embed"] + [f"{l}.{h}" if h < 2 else f"mlp{l}" for l in range(3) for h in range(3)]
    rows = []
    for label, mask in [("neg only", neg & ~elev), ("elev only", elev & ~neg)]:
        top = expected[:, mask].mean(1)
        rows.append(f"{label}: " + ", ".join(f"{n} {v:+.1f}" for n, v in zip(names, top.tolist())
                                             if abs(v) >= 0.5))
    note("components moving by 0.5 or more on average: " + "; ".join(rows))
