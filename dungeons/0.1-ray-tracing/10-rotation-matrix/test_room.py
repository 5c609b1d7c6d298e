"""Cases for rotation_matrix: identity, quarter turn, direction of turn, vs matrix_exp."""

import math

import torch

from arena_dungeon.testing import fresh_seed, assert_tensor_close, call

# The generator of rotations about y: d/dθ R(θ) at θ = 0.
GENERATOR = torch.tensor([[0.0, 0.0, 1.0], [0.0, 0.0, 0.0], [-1.0, 0.0, 0.0]], dtype=torch.float64)


def _oracle(theta):
    return torch.linalg.matrix_exp(theta * GENERATOR).float()


def test_zero_angle_is_identity(room):
    """theta = 0 leaves everything where it is: the identity."""
    got = call(room.rotation_matrix, torch.tensor(0.0))
    assert_tensor_close(got, torch.eye(3), call="rotation_matrix(tensor(0.))", dims="rows cols")


def test_quarter_turn(room):
    """theta = pi/2: [[0, 0, 1], [0, 1, 0], [-1, 0, 0]]."""
    got = call(room.rotation_matrix, torch.tensor(math.pi / 2))
    expected = torch.tensor([[0.0, 0.0, 1.0], [0.0, 1.0, 0.0], [-1.0, 0.0, 0.0]])
    assert_tensor_close(got, expected, call="rotation_matrix(tensor(pi/2))", atol=1e-6,
                        dims="rows cols")


def test_x_axis_turns_towards_minus_z(room):
    """theta = 0.3: R @ (1, 0, 0) = (cos .3, 0, -sin .3), a counter-clockwise turn."""
    got = call(room.rotation_matrix, torch.tensor(0.3))
    if isinstance(got, torch.Tensor) and got.shape == (3, 3):
        got = got @ torch.tensor([1.0, 0.0, 0.0])
    assert_tensor_close(got, torch.tensor([math.cos(0.3), 0.0, -math.sin(0.3)]),
                        call="rotation_matrix(tensor(0.3)) @ (1, 0, 0)")


def test_y_axis_stays_put(room):
    """theta = 1.2: the y-axis is the axis of rotation, R @ (0, 1, 0) = (0, 1, 0)."""
    got = call(room.rotation_matrix, torch.tensor(1.2))
    if isinstance(got, torch.Tensor) and got.shape == (3, 3):
        got = got @ torch.tensor([0.0, 1.0, 0.0])
    assert_tensor_close(got, torch.tensor([0.0, 1.0, 0.0]),
                        call="rotation_matrix(tensor(1.2)) @ (0, 1, 0)")


def test_random_angles_against_matrix_exp(room):
    """Ten random angles in [-2pi, 2pi], compared with matrix_exp of the generator."""
    torch.manual_seed(fresh_seed(0))
    for theta in (torch.rand(10) * 4 - 2) * math.pi:
        got = call(room.rotation_matrix, theta.clone())
        assert_tensor_close(got, _oracle(theta.double()), call=f"rotation_matrix(tensor({theta:.4f}))",
                            atol=1e-5, dims="rows cols")
