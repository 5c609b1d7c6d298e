"""Cases for project_onto_direction: by hand, then random batches (vectors along the
first axis) against a loop of dot products, a v that is not unit length, and extra axes."""

import torch

from arena_dungeon.testing import assert_tensor_close, call, fresh_seed


def _oracle(batch_vecs: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    n = batch_vecs.shape[0]
    flat = batch_vecs.reshape(n, -1)
    cols = [(torch.dot(flat[:, c], v) / torch.dot(v, v)) * v for c in range(flat.shape[1])]
    return torch.stack(cols, dim=1).reshape(batch_vecs.shape)


def test_by_hand(room):
    """Two vectors (3, 1) and (0, 2) stored as the columns of a (2, 2) batch, projected on
    the x axis: (3, 0) and (0, 0)."""
    batch_vecs = torch.tensor([[3.0, 0.0], [1.0, 2.0]])
    got = call(room.project_onto_direction, batch_vecs, torch.tensor([1.0, 0.0]))
    assert_tensor_close(got, torch.tensor([[3.0, 0.0], [0.0, 0.0]]), atol=1e-6,
                        call="project_onto_direction([[3, 0], [1, 2]], [1, 0])", dims="n batch")


def test_random_unit_direction(room):
    """Seven random vectors of length 5, as a (5, 7) batch, onto a random unit v."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    batch_vecs, v = torch.randn(5, 7, generator=gen), torch.randn(5, generator=gen)
    v = v / v.norm()
    assert_tensor_close(call(room.project_onto_direction, batch_vecs, v), _oracle(batch_vecs, v),
                        atol=1e-5, call="project_onto_direction(x (5, 7), unit v (5,))",
                        dims="n batch")


def test_direction_not_unit(room):
    """v of length 3 (not 1): the projection depends on v's direction only."""
    gen = torch.Generator().manual_seed(fresh_seed(1))
    batch_vecs, v = torch.randn(6, 4, generator=gen), torch.randn(6, generator=gen)
    v = 3 * v / v.norm()
    assert_tensor_close(call(room.project_onto_direction, batch_vecs, v), _oracle(batch_vecs, v),
                        atol=1e-5, call="project_onto_direction(x (6, 4), v (6,) of norm 3)",
                        dims="n batch")


def test_extra_axes(room):
    """A (9, 2, 3) batch: every (i, j) column is one vector of length 9."""
    gen = torch.Generator().manual_seed(fresh_seed(2))
    batch_vecs, v = torch.randn(9, 2, 3, generator=gen), torch.randn(9, generator=gen)
    assert_tensor_close(call(room.project_onto_direction, batch_vecs, v), _oracle(batch_vecs, v),
                        atol=1e-5, call="project_onto_direction(x (9, 2, 3), v (9,))",
                        dims="n a b")
