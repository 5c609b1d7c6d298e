"""Cases for calc_value_function_loss: a hand-checked value, the weight vf_coef, the mean
over the minibatch (not the sum), and the gradient reaching the critic's values (and not the
returns)."""

import torch

from arena_dungeon.testing import assert_number_close, assert_tensor_close, call, fail, fresh_seed


def test_hand_checked(room):
    """values [1, 2, 3], returns [2, 2, 5], vf_coef 0.5: 0.5 * 0.5 * (1 + 0 + 4) / 3 = 5/12."""
    got = call(room.calc_value_function_loss, torch.tensor([1.0, 2.0, 3.0]), torch.tensor([2.0, 2.0, 5.0]), 0.5)
    assert_number_close(got, 5 / 12, atol=1e-6, call="calc_value_function_loss([1, 2, 3], [2, 2, 5], vf_coef=0.5)")


def test_weighted_by_vf_coef(room):
    """The same minibatch with vf_coef 0.25 and 1.0: the loss scales by 4 and equals 0.5 * vf_coef * MSE."""
    g = torch.Generator().manual_seed(fresh_seed(0))
    values, returns = torch.randn(10, generator=g), torch.randn(10, generator=g)
    mse = float(((values - returns) ** 2).mean())
    for coef in (0.25, 1.0):
        got = call(room.calc_value_function_loss, values, returns, coef)
        assert_number_close(got, 0.5 * coef * mse, atol=1e-5,
                            call=f"calc_value_function_loss(random 10 rows, vf_coef={coef})")


def test_mean_over_the_minibatch(room):
    """Repeating a minibatch four times leaves the loss unchanged: a mean, not a sum."""
    g = torch.Generator().manual_seed(fresh_seed(1))
    values, returns = torch.randn(8, generator=g), torch.randn(8, generator=g)
    one = call(room.calc_value_function_loss, values, returns, 0.5)
    four = call(room.calc_value_function_loss, values.repeat(4), returns.repeat(4), 0.5)
    assert_number_close(four, float(one), atol=1e-5,
                        call="calc_value_function_loss on the same 8 rows repeated 4 times")


def test_gradient_reaches_the_values(room):
    """d loss / d values = vf_coef * (values - returns) / N: the values (from the critic) get the gradient, scaled by the 0.5 of the square."""
    g = torch.Generator().manual_seed(fresh_seed(2))
    values = torch.randn(6, generator=g).requires_grad_()
    returns = torch.randn(6, generator=g)
    loss = room.calc_value_function_loss(values, returns, 0.5)
    if not isinstance(loss, torch.Tensor) or not loss.requires_grad:
        fail("the loss carries no gradient: compute it from `values` with torch operations (no "
             ".item(), no detach)", kind="value")
    loss.backward()
    assert_tensor_close(values.grad, 0.5 * (values.detach() - returns) / 6, atol=1e-6,
                        call="the gradient of the loss with respect to values (vf_coef 0.5, 6 rows)",
                        dims="minibatch")
