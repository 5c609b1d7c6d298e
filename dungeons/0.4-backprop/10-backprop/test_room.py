"""Cases for backprop: chained logs (default and given end_grad), a product, a tensor used
twice, a shared parent, numbers in the graph, operands without grad, only leaves storing
.grad, accumulation across calls, and a broadcasting graph against torch.autograd."""

import numpy as np
import torch

import autograd_graph as graph  # the given module the player's file imports
from arena_dungeon.testing import assert_tensor_close, call, describe, fail


def _grad(room, t, expected, what, atol=1e-5, rtol=1e-4):
    g = t.grad
    if g is None:
        fail(f".grad of {what} is None after backprop; expected {np.round(np.asarray(expected), 4).tolist()}",
             kind="value", details="Leaves that require grad get their gradient stored in "
                                   ".grad, as a Tensor.")
    if not isinstance(g, graph.Tensor):
        fail(f".grad of {what} is {describe(g)}, expected a Tensor wrapping the gradient array",
             kind="type")
    assert_tensor_close(torch.tensor(np.asarray(g.array, dtype=np.float64)),
                        torch.tensor(np.asarray(expected, dtype=np.float64)),
                        call=f".grad of {what}", atol=atol, rtol=rtol)


def _backprop(room, end, end_grad=None, label="end"):
    got = call(room.backprop, end, end_grad)
    if got is not None:
        fail(f"backprop({label}) returned {describe(got)}; it should return None and leave "
             "the gradients in the leaves' .grad", kind="type")


def test_chained_logs(room):
    """c = log(log(a)), end_grad None (ones): a.grad = 1 / (a log a)."""
    a = graph.Tensor([np.e, np.e ** np.e], requires_grad=True)
    c = graph.log(graph.log(a))
    _backprop(room, c, None, "c")
    _grad(room, a, [1 / np.e, 1 / (np.e ** np.e * np.e)], "a (c = log(log(a)))")


def test_end_grad_is_used(room):
    """The same graph with end_grad = Tensor([2, -1]): the gradients are scaled by it."""
    a = graph.Tensor([np.e, np.e ** np.e], requires_grad=True)
    c = graph.log(graph.log(a))
    _backprop(room, c, graph.Tensor([2.0, -1.0]), "c, end_grad=Tensor([2, -1])")
    _grad(room, a, [2 / np.e, -1 / (np.e ** np.e * np.e)],
          "a (c = log(log(a)), end_grad [2, -1])")


def test_product_of_two_leaves(room):
    """c = a * b: a.grad = b, b.grad = a."""
    a = graph.Tensor([1.0, 2.0, 3.0], requires_grad=True)
    b = graph.Tensor([4.0, 5.0, 6.0], requires_grad=True)
    _backprop(room, a * b, None, "a * b")
    _grad(room, a, [4.0, 5.0, 6.0], "a (c = a * b)")
    _grad(room, b, [1.0, 2.0, 3.0], "b (c = a * b)")


def test_tensor_used_twice(room):
    """x * x (x in both positions) gives 2x; (2a) * (a * 1) gives 4a: gradients add up."""
    x = graph.Tensor([1.0, -2.0, 3.0], requires_grad=True)
    _backprop(room, x * x, None, "x * x")
    _grad(room, x, [2.0, -4.0, 6.0], "x (y = x * x)")
    a = graph.Tensor([1.0, 2.0, 3.0], requires_grad=True)
    _backprop(room, (2 * a) * (a * 1), None, "(2 * a) * (a * 1)")
    _grad(room, a, [4.0, 8.0, 12.0], "a (d = (2 * a) * (a * 1))")


def test_shared_parent(room):
    """d = 2 * b, e = b * 3, f = d * e = 6 b^2: b.grad = 12 b = [12, 24, 36]."""
    b = graph.Tensor([1.0, 2.0, 3.0], requires_grad=True)
    d = 2 * b
    e = b * 3
    _backprop(room, d * e, None, "f = d * e")
    _grad(room, b, [12.0, 24.0, 36.0], "b (f = (2 * b) * (b * 3))")


def test_operand_without_grad(room):
    """c = a * b with b.requires_grad False: a.grad = b, b.grad stays None."""
    a = graph.Tensor([1.0, 2.0, 3.0], requires_grad=True)
    b = graph.Tensor([4.0, 5.0, 6.0], requires_grad=False)
    _backprop(room, a * b, None, "a * b")
    _grad(room, a, [4.0, 5.0, 6.0], "a (c = a * b)")
    if b.grad is not None:
        fail(f"b.grad is {describe(b.grad)} after backprop, but b.requires_grad is False: "
             "leave it None", kind="value")


def test_only_leaves_get_grad(room):
    """In y = log(a * b) + a, the intermediate tensors keep .grad None."""
    a = graph.Tensor([1.0, 2.0], requires_grad=True)
    b = graph.Tensor([3.0, 4.0], requires_grad=True)
    p = a * b
    q = graph.log(p)
    y = q + a
    _backprop(room, y, None, "y")
    for t, name in [(p, "p = a * b"), (q, "q = log(p)"), (y, "y = q + a")]:
        if t.grad is not None:
            fail(f"the intermediate tensor {name} got a .grad; only leaves store their "
                 "gradient (keep the others in a local dict)", kind="value")
    _grad(room, a, [1 / 1 + 1, 1 / 2 + 1], "a (y = log(a * b) + a)")
    _grad(room, b, [1 / 3, 1 / 4], "b (y = log(a * b) + a)")


def test_grad_accumulates_across_calls(room):
    """Two backprops of c = a * 3 leave a.grad = 6, not 3: add into an existing .grad."""
    a = graph.Tensor([1.0, 2.0], requires_grad=True)
    c = a * 3
    _backprop(room, c, None, "a * 3")
    _backprop(room, c, None, "a * 3 (again)")
    _grad(room, a, [6.0, 6.0], "a after two backprops of a * 3")


def test_broadcasting_graph_against_torch(room):
    """log(a * b + a) * c + b with a (3,), b (2, 1), c (2, 3), random end_grad, vs torch.autograd."""
    rng = np.random.default_rng(0)
    arrays = {"a": rng.uniform(0.5, 2.0, size=3), "b": rng.uniform(0.5, 2.0, size=(2, 1)),
              "c": rng.normal(size=(2, 3))}
    end = rng.normal(size=(2, 3))
    ours = {k: graph.Tensor(v.astype(np.float32), requires_grad=True) for k, v in arrays.items()}
    a, b, c = ours["a"], ours["b"], ours["c"]
    y = graph.log(a * b + a) * c + b
    _backprop(room, y, graph.Tensor(end.astype(np.float32)), "y, random end_grad")
    theirs = {k: torch.tensor(v.astype(np.float32), dtype=torch.float64, requires_grad=True)
              for k, v in arrays.items()}
    ta, tb, tc = theirs["a"], theirs["b"], theirs["c"]
    (torch.log(ta * tb + ta) * tc + tb).backward(torch.tensor(end.astype(np.float32),
                                                              dtype=torch.float64))
    for k in "abc":
        _grad(room, ours[k], theirs[k].grad.numpy(), f"{k} (y = log(a * b + a) * c + b)",
              atol=1e-4)
