"""Shared by the 1.5 tests (load_asset_module(__file__, "bracket_checks")): random models
and random data to test against, and the oracles several rooms need."""

import torch

import brackets


def random_model(seed: int, **cfg) -> brackets.HookedTransformer:
    """A random classifier (eval, no gradients) whose LayerNorms have random weights and
    biases and whose other biases are random too, so that forgetting a w or a b shows."""
    torch.manual_seed(seed)
    model = brackets.HookedTransformer(brackets.Config(init_range=0.3, **cfg)).eval()
    for p in model.parameters():
        p.requires_grad_(False)
    for name, p in model.named_parameters():
        if name.endswith(".w"):
            p.copy_(torch.rand_like(p) * 2 + 0.2)  # features of very different spread
        elif name.endswith(".b") or name.startswith("unembed.b_U"):
            p.normal_()
        elif name.rsplit(".", 1)[-1] in {"b_Q", "b_K", "b_V", "b_O", "b_in", "b_out"}:
            p.normal_(std=0.3)
    return model


def random_data(seed: int, n: int = 120, max_pairs: int = 10) -> brackets.BracketsDataset:
    """n uniformly random strings of even length 2..2*max_pairs, labelled correctly."""
    gen = torch.Generator().manual_seed(seed)
    pairs = []
    for _ in range(n):
        length = 2 * int(torch.randint(1, max_pairs + 1, (), generator=gen))
        s = "".join("()"[b] for b in torch.randint(0, 2, (length,), generator=gen).tolist())
        pairs.append((s, is_balanced(s)))
    return brackets.BracketsDataset(pairs)


def is_balanced(s: str) -> bool:
    """Delete "()" pairs until none is left: balanced exactly when nothing remains."""
    while "()" in s:
        s = s.replace("()", "")
    return s == ""


def lstsq_predictions(x: torch.Tensor, y: torch.Tensor):
    """Least squares y ~ x @ W + b by the normal equations in float64: the fitted values
    (n, d) and the coefficients (d + 1, d) with b as the last row."""
    x1 = torch.cat([x, torch.ones(len(x), 1)], dim=1).double()
    coef = torch.linalg.solve(x1.T @ x1 + 1e-9 * torch.eye(x1.shape[1], dtype=torch.float64),
                              x1.T @ y.double())
    return x1 @ coef, coef


def check_direction(got, x: torch.Tensor, expected: torch.Tensor, d_model: int, label: str,
                    where: str) -> None:
    """A residual direction compared by what it gives on the data: x . got against the
    oracle's x . v (a fitted W is ill-determined along directions the data never takes)."""
    from arena_dungeon.testing import assert_shape, assert_tensor_close

    assert_shape(got, (d_model,), call=label, dims="d_model")
    assert_tensor_close((x.double() @ got.double()).float(), expected.float(), atol=2e-3,
                        rtol=2e-3, call=f"x . v, v = {label}, x = {where}", dims="sample")
