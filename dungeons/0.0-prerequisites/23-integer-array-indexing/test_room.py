"""Cases for integer_array_indexing: 2-D and 3-D by hand, batch == ndim, 1-D, empty batch,
transposed views, random."""

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, assert_tensor_equal, call


def _slow_lookup(matrix, coords):
    values = []
    for row in coords.tolist():
        point = matrix
        for c in row:
            point = point[c]
        values.append(point.item())
    return torch.tensor(values, dtype=matrix.dtype)


def test_two_axes_hand_checked(room):
    """[[10, 11, 12], [20, 21, 22]] at (1, 2), (0, 0), (1, 0) gives [22, 10, 20]."""
    matrix = torch.tensor([[10, 11, 12], [20, 21, 22]])
    coords = torch.tensor([[1, 2], [0, 0], [1, 0]])
    got = call(room.integer_array_indexing, matrix, coords)
    assert_tensor_equal(got, torch.tensor([22, 10, 20]),
                        call="integer_array_indexing(2x3 matrix, [[1, 2], [0, 0], [1, 0]])",
                        dims="batch")


def test_three_axes_hand_checked(room):
    """A (2, 3, 4) tensor holding 100*i + 10*j + k, read at three points."""
    i, j, k = torch.meshgrid(torch.arange(2), torch.arange(3), torch.arange(4), indexing="ij")
    matrix = 100 * i + 10 * j + k
    coords = torch.tensor([[1, 2, 3], [0, 1, 0], [1, 0, 2]])
    got = call(room.integer_array_indexing, matrix, coords)
    assert_tensor_equal(got, torch.tensor([123, 10, 102]),
                        call="integer_array_indexing((2, 3, 4) tensor, 3 points)", dims="batch")


def test_as_many_points_as_axes(room):
    """batch == ndim == 2: splitting coords into rows instead of columns reads the wrong points."""
    matrix = torch.tensor([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]])
    coords = torch.tensor([[0, 1], [2, 3]])
    got = call(room.integer_array_indexing, matrix, coords)
    assert_tensor_equal(got, torch.tensor([1, 11]),
                        call="integer_array_indexing(4x4 matrix, [[0, 1], [2, 3]])", dims="batch")


def test_one_axis(room):
    """A 1-D matrix: each coordinate row has a single entry."""
    matrix = torch.tensor([5.0, 6.5, 7.0, 8.5])
    coords = torch.tensor([[3], [0], [3]])
    got = call(room.integer_array_indexing, matrix, coords)
    assert_tensor_close(got, torch.tensor([8.5, 5.0, 8.5]),
                        call="integer_array_indexing([5, 6.5, 7, 8.5], [[3], [0], [3]])",
                        dims="batch")


def test_empty_batch(room):
    """No coordinates (batch = 0): an empty result of shape (0,)."""
    matrix = torch.randn(3, 4)
    coords = torch.zeros((0, 2), dtype=torch.long)
    got = call(room.integer_array_indexing, matrix, coords)
    assert_tensor_close(got, torch.zeros(0), call="integer_array_indexing(3x4, no coords)",
                        dims="batch")


def test_random_many_axes_match_a_slow_loop(room):
    """Random (seeded) tensors with 2 to 5 axes against a point-by-point Python loop."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    for shape, batch in [((5, 3), 7), ((2, 4, 3), 5), ((3, 2, 2, 5), 6), ((2, 3, 2, 2, 3), 4)]:
        matrix = torch.randn(*shape, generator=gen)
        coords = torch.stack([torch.randint(0, d, (batch,), generator=gen) for d in shape], dim=1)
        got = call(room.integer_array_indexing, matrix, coords)
        assert_tensor_close(got, _slow_lookup(matrix, coords),
                            call=f"integer_array_indexing(shape {shape}, batch={batch})",
                            dims="batch")


def test_transposed_view_input(room):
    """matrix is a transposed view (not contiguous): its memory strides are not its row
    lengths, so a flat index built from matrix.stride() reads other points."""
    base = torch.arange(12).reshape(3, 4)
    matrix = base.T                                   # (4, 3), strides (1, 4)
    coords = torch.tensor([[0, 1], [3, 2], [1, 0], [2, 2]])
    got = call(room.integer_array_indexing, matrix, coords)
    assert_tensor_equal(got, torch.tensor([4, 11, 1, 10]),
                        call="integer_array_indexing(arange(12).reshape(3, 4).T, 4 points)",
                        dims="batch")
    cube = torch.arange(24).reshape(2, 3, 4).permute(2, 0, 1)   # (4, 2, 3), not contiguous
    coords = torch.tensor([[3, 1, 2], [0, 0, 1], [2, 1, 0]])
    got = call(room.integer_array_indexing, cube, coords)
    assert_tensor_equal(got, _slow_lookup(cube, coords),
                        call="integer_array_indexing(arange(24).reshape(2, 3, 4).permute(2, 0, 1), "
                             "3 points)", dims="batch")
