"""Test helpers for the 0.4 rooms, built on the framework in ../given/.

`fresh()` gives a test its own independent copy of that framework (autograd_graph.py, with
backprop_core.py on it and backprop_framework.py on top: its own BACK_FUNCS and tracking
flag), so registering a player's backward function cannot leak into another case or into
the copy the player's file imports. Room 10 imports autograd_graph.py itself (the layers
above would show its answer), room 18 backprop_core.py and rooms 20-23 backprop_framework.py.
"""

import sys
from pathlib import Path

import numpy as np

GIVEN = Path(__file__).resolve().parents[1] / "given"


def _load(name: str, path: Path):
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fresh():
    """A new, independent copy of the given framework (its own BACK_FUNCS and global flag).

    Returns the copy of backprop_framework, built on its own copies of backprop_core and
    autograd_graph (reached through it: `fw.BACK_FUNCS`, `fw.Tensor`,
    `fw.grad_tracking_enabled` are the bottom copy's).
    """
    layers = [("autograd_graph", "autograd_graph_copy"), ("backprop_core", "backprop_core_copy"),
              ("backprop_framework", "backprop_framework_copy")]
    shipped = {name: sys.modules.get(name) for name, _ in layers}
    try:
        for name, copy_name in layers:  # each copy's `import <layer below>` finds the copy
            module = _load(copy_name, GIVEN / f"{name}.py")
            sys.modules[name] = module
        return module
    finally:
        for name, module in shipped.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module


def check_array(got, expected, *, call: str, atol: float = 1e-5, rtol: float = 1e-4,
                dims: str | None = None) -> None:
    """`got` must be a numpy array (or numpy scalar) close to `expected`."""
    import torch

    from arena_dungeon.testing import assert_tensor_close, describe, fail

    if type(got).__name__ in ("Tensor", "Parameter"):
        fail(f"{call} returned a Tensor; backward functions take and return plain numpy "
             "arrays", kind="type")
    if isinstance(got, torch.Tensor):
        fail(f"{call} returned a torch tensor; backward functions take and return plain numpy "
             "arrays", kind="type")
    if not isinstance(got, (np.ndarray, np.generic)):
        fail(f"{call} returned {describe(got)}, expected a numpy array of shape "
             f"{np.shape(expected)}", kind="type")
    got_t = torch.from_numpy(np.array(got, dtype=np.float64))
    exp_t = torch.from_numpy(np.array(expected, dtype=np.float64))
    assert_tensor_close(got_t, exp_t, call=call, atol=atol, rtol=rtol, dims=dims)


def check_grad(tensor, expected, *, name: str, where: str = "", atol: float = 1e-5,
               rtol: float = 1e-4) -> None:
    """After `where.backward()`, `tensor.grad` must be a Tensor holding `expected`."""
    from arena_dungeon.testing import fail

    after = f"after {where}.backward(), " if where else ""
    if tensor.grad is None:
        fail(f"{after}{name}.grad is None: no gradient reached {name}", kind="value",
             details="Backprop only reaches tensors connected to the output through Recipes.")
    check_array(tensor.grad.array, expected, call=f"{after}{name}.grad", atol=atol, rtol=rtol)


def torch_grads(fn, args, grad_out):
    """The oracle: d(sum(grad_out * fn(*args)))/d(arg) by torch.autograd, for each array arg.

    Floats in `args` are passed through unchanged and get None as their gradient.
    """
    import torch

    ts = [torch.tensor(a, dtype=torch.float64, requires_grad=True) if isinstance(a, np.ndarray)
          else a for a in args]
    fn(*ts).backward(torch.tensor(np.asarray(grad_out), dtype=torch.float64))
    return [t.grad.numpy() if isinstance(t, torch.Tensor) else None for t in ts]
