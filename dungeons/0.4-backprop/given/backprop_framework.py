"""backprop_framework: your whole autograd framework, rooms 1-19, plus Parameter and Module.

GIVEN code, shared by rooms 20-23: read it and import from it, but don't edit it (grading
always uses the shipped copy, whatever this file says). It builds on backprop_core.py, next
to it, which holds the framework of rooms 1-17: `Tensor`, `Recipe`, `wrap_forward_fn`,
`BACK_FUNCS`, `unbroadcast`, `backprop`, `NoGrad`, `arange`, `zeros` and the wrapped numpy
functions (`log`, `exp`, `add`, `multiply`, `matmul`, `maximum`, `tensor_sum`, ...). Every
name of backprop_core can be imported from here too. This module adds:

- `relu` (room 18; also the method `x.relu()`) and `ReLU`;
- `matmul2d_back0`, `matmul2d_back1` (room 19), registered for `matmul` (the `@` operator);
- `Parameter`, `Module` (a tiny torch.nn.Module: registers Parameters and sub-modules
  assigned as attributes, `parameters()`, `__call__` -> `forward`).

There is one gradient-tracking switch, autograd_graph's `grad_tracking_enabled` (under
backprop_core.py), turned off inside `with NoGrad():`. Read it live as `backprop_framework.grad_tracking_enabled` (or
`backprop_core.grad_tracking_enabled`); a `from ... import` of it copies its value once.
"""

from typing import Any, Iterator

import backprop_core
from backprop_core import BACK_FUNCS, Arr, Tensor, _matmul2d, maximum


def __getattr__(name: str) -> Any:
    """Any name not defined here (NoGrad, backprop, grad_tracking_enabled...) is the core's."""
    if not name.startswith("__") and hasattr(backprop_core, name):
        return getattr(backprop_core, name)  # read now: the flag is always the current one
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ---- room 18: relu ------------------------------------------------------------------

def relu(x: Tensor) -> Tensor:
    """Like torch.relu: maximum(x, 0.0), so the gradient at exactly 0 is 0.5."""
    return maximum(x, 0.0)


Tensor.relu = relu  # the method: x.relu() is relu(x)


# ---- room 19: matmul's backward functions ---------------------------------------------

def matmul2d_back0(grad_out: Arr, out: Arr, x: Arr, y: Arr) -> Arr:
    return grad_out @ y.T


def matmul2d_back1(grad_out: Arr, out: Arr, x: Arr, y: Arr) -> Arr:
    return x.T @ grad_out


BACK_FUNCS.add_back_func(_matmul2d, 0, matmul2d_back0)
BACK_FUNCS.add_back_func(_matmul2d, 1, matmul2d_back1)


# ---- modules ------------------------------------------------------------------------

class Parameter(Tensor):
    """A Tensor that a Module registers as one of its weights; shares the array it wraps."""

    def __init__(self, tensor: Tensor, requires_grad: bool = True):
        super().__init__(tensor.array, requires_grad=requires_grad)

    def __repr__(self) -> str:
        return f"Parameter containing:\n{super().__repr__()}"


class Module:
    """Registers Parameters and sub-Modules assigned as attributes, like torch.nn.Module."""

    def __init__(self) -> None:
        object.__setattr__(self, "_modules", {})
        object.__setattr__(self, "_parameters", {})

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, Parameter):
            self._parameters[name] = value
        elif isinstance(value, Module):
            self._modules[name] = value
        super().__setattr__(name, value)

    def modules(self) -> Iterator["Module"]:
        """The direct sub-modules (not self)."""
        yield from self._modules.values()

    def parameters(self, recurse: bool = True) -> Iterator[Parameter]:
        """This module's Parameters, then (if recurse) those of its sub-modules."""
        yield from self._parameters.values()
        if recurse:
            for module in self.modules():
                yield from module.parameters(recurse=True)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.forward(*args, **kwargs)

    def forward(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError("a Module subclass must define forward")

    def __repr__(self) -> str:
        lines = [f"\n  ({k}): " + repr(v).replace("\n", "\n  ") for k, v in self._modules.items()]
        return f"{type(self).__name__}({''.join(lines)}{chr(10) if lines else ''})"


class ReLU(Module):
    def forward(self, x: Tensor) -> Tensor:
        return relu(x)
