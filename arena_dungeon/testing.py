"""Helpers that room tests import: learner-worded checks on tensors and values.

Every check raises `Mismatch` (an AssertionError) whose first line is the one-line
reason shown in the case table; `details` holds the longer explanation. Room tests
call the player's code through `call`, which also catches in-place mutation.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import torch

from arena_dungeon.grading.vocabulary import Curve, Kind, Note, PictureRecord, Progress, Record
from arena_dungeon.grading.vocabulary import Warning as WarningRecord

_records: list[Record] = []  # pictures and notes for the report, drained by the plugin
_PLAIN_TENSORS = (torch.Tensor, torch.nn.Parameter)


class Mismatch(AssertionError):
    """A learner-facing failure: `kind` is shape, dtype, type, nan, value, mutation or rule."""

    def __init__(self, summary: str, *, kind: str = "value", details: str = "",
                 expected: str = "", got: str = "") -> None:
        super().__init__(summary if not details else f"{summary}\n{details}")
        self.summary = summary
        self.kind = Kind.parse(kind)
        self.details = details
        self.expected = expected
        self.got = got


def fail(summary: str, *, kind: str = "value", details: str = "",
         expected: str = "", got: str = "") -> None:
    """Fail the current case with a learner-facing message."""
    raise Mismatch(summary, kind=kind, details=details, expected=expected, got=got)


_DTYPE_SHORT = {
    torch.float16: "f16", torch.bfloat16: "bf16", torch.float32: "f32", torch.float64: "f64",
    torch.int8: "i8", torch.int16: "i16", torch.int32: "i32", torch.int64: "i64",
    torch.uint8: "u8", torch.bool: "bool", torch.complex64: "c64",
}


def describe(x: Any) -> str:
    """A short description of a value: `f32[4, 3]`, `int 3`, `None`, `list of 2`."""
    if isinstance(x, torch.Tensor):
        dtype = _DTYPE_SHORT.get(x.dtype, str(x.dtype).removeprefix("torch."))
        device = "" if x.device.type == "cpu" else f" on {x.device}"
        return f"{dtype}[{', '.join(map(str, x.shape))}]{device}"
    if x is None:
        return "None"
    if isinstance(x, bool):
        return f"bool {x}"
    if isinstance(x, (int, float)):
        return f"{type(x).__name__} {x:.6g}" if isinstance(x, float) else f"int {x}"
    if isinstance(x, (list, tuple)):
        return f"{type(x).__name__} of {len(x)}"
    try:
        import numpy as np

        if isinstance(x, np.ndarray):
            return f"ndarray {x.dtype}[{', '.join(map(str, x.shape))}]"
    except ImportError:  # pragma: no cover - numpy is a dependency
        pass
    return type(x).__name__


def _shape_text(shape: Sequence[int], dims: Sequence[str] | None) -> str:
    if dims is None or len(dims) != len(shape):
        return "(" + ", ".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"
    parts = [str(n) if name == str(n) else f"{name}={n}" for name, n in zip(dims, shape)]
    return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"


_ORDINAL = ["first", "second", "third", "fourth", "fifth", "sixth"]


def shape_hint(got: Sequence[int], expected: Sequence[int]) -> str:
    """Why two shapes might differ, in words: swapped axes, a stray size-1 axis, a flatten."""
    got, expected = tuple(got), tuple(expected)
    if len(got) == len(expected) and sorted(got) == sorted(expected):
        wrong = [i for i, (a, b) in enumerate(zip(got, expected)) if a != b]
        if len(wrong) == 2:
            i, j = wrong
            names = (_ORDINAL[i] if i < len(_ORDINAL) else f"axis {i}",
                     _ORDINAL[j] if j < len(_ORDINAL) else f"axis {j}")
            return f"the {names[0]} and {names[1]} axes look swapped"
        return "the same sizes in another order: check the axis order of your rearrange/permute"
    if len(got) == len(expected) + 1 and 1 in got:
        return "there is an extra size-1 axis (a missing squeeze, or keepdim=True?)"
    if len(got) + 1 == len(expected) and 1 in expected:
        return "a size-1 axis is missing (keepdim, or unsqueeze?)"
    if math.prod(got) == math.prod(expected):
        return "the right number of elements in the wrong layout: check how axes are merged or split"
    if len(got) < len(expected):
        return "too few axes: was an axis reduced that should stay?"
    if len(got) > len(expected):
        return "too many axes: was an axis not reduced, or broadcast by accident?"
    return "check the sizes you pass to the functions that build the result"


def _fmt(v: float) -> str:
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return str(v)
    if math.isnan(v) or math.isinf(v):
        return str(v)
    return f"{v:.4g}"


def _fmt_pair(a: float, b: float) -> tuple[str, str]:
    """Two numbers with enough digits to tell them apart (1341 vs 1341.02)."""
    for digits in (4, 6, 8, 12, 17):
        sa, sb = f"{a:.{digits}g}", f"{b:.{digits}g}"
        if sa != sb or a == b:
            return sa, sb
    return repr(a), repr(b)


def _grid(t: torch.Tensor, marks: torch.Tensor | None, limit: int = 6) -> list[str]:
    """Rows of a small 1-D/2-D tensor as text; cells in `marks` are starred."""
    t2 = t.reshape(1, -1) if t.dim() <= 1 else t.reshape(-1, t.shape[-1])
    m2 = None if marks is None else marks.reshape(t2.shape)
    rows = []
    for i in range(min(limit, t2.shape[0])):
        cells = []
        for j in range(min(limit, t2.shape[1])):
            cell = _fmt(t2[i, j].item())
            if m2 is not None and bool(m2[i, j]):
                cell = "*" + cell
            cells.append(cell.rjust(8))
        more = " …" if t2.shape[1] > limit else ""
        rows.append(" ".join(cells) + more)
    if t2.shape[0] > limit:
        rows.append("   …")
    return rows


def side_by_side(expected: torch.Tensor, got: torch.Tensor, bad: torch.Tensor | None) -> str:
    """Expected and got as two small grids side by side, differing cells starred."""
    if expected.dim() > 2 or got.dim() > 2:
        # Show the slice holding the worst element when the tensor is big.
        if bad is not None and bad.any():
            idx = tuple(int(i) for i in bad.nonzero()[0][:-2])
            expected, got, bad = expected[idx], got[idx], bad[idx]
            title = f"slice [{', '.join(map(str, idx))}, :, :]"
        else:
            expected, got = expected.reshape(-1), got.reshape(-1)
            bad = None if bad is None else bad.reshape(-1)
            title = "flattened"
    else:
        title = ""
    left = _grid(expected, bad)
    right = _grid(got, bad)
    width = max((len(r) for r in left), default=0)
    lines = [f"{'expected'.ljust(width)}   got" + (f"   ({title})" if title else "")]
    for a, b in zip(left, right):
        lines.append(f"{a.ljust(width)}   {b}")
    return "\n".join(lines)


def _kind_of(dtype: torch.dtype) -> str:
    if dtype == torch.bool:
        return "bool"
    if dtype.is_floating_point:
        return "float"
    if dtype.is_complex:
        return "complex"
    return "integer"


def assert_tensor_close(got: Any, expected: torch.Tensor, *, call: str = "",
                        atol: float = 1e-5, rtol: float = 1e-4,
                        dims: str | Sequence[str] | None = None,
                        check_dtype: bool = True, exact_dtype: bool = False) -> None:
    """Check `got` is a tensor shaped like `expected` with close values.

    `dims` names the expected axes ("nrays 2 3") so shape messages speak the room's
    language. `check_dtype` compares the dtype's kind (float/integer/bool); with
    `exact_dtype` the dtype itself must match.
    """
    where = f"{call} " if call else ""
    names = dims.split() if isinstance(dims, str) else dims
    _judge_intact()
    if not isinstance(got, torch.Tensor):
        fail(f"{where}returned {describe(got)}, expected a tensor {describe(expected)}",
             kind="type", expected=describe(expected), got=describe(got))
    _plain(got, where)
    with torch._C.DisableTorchFunction():
        _compare(got, expected, where, names, atol, rtol, check_dtype, exact_dtype)


def _judge_intact() -> None:
    """Fail the case if the player's code replaced anything the judge relies on."""
    import sys

    plugin = sys.modules.get("arena_dungeon.grading.plugin")
    tampered = plugin.judge_intact() if plugin is not None else None
    if tampered is not None:
        fail(f"the grader was tampered with ({tampered}): this case can't be judged",
             kind="tampered")


def _plain(got: Any, where: str) -> None:
    """Only a plain tensor is judged: a subclass could answer every comparison its own way."""
    if type(got) not in _PLAIN_TENSORS:
        fail(f"{where}returned a {type(got).__name__}, a subclass of Tensor: return a plain "
             "torch.Tensor", kind="type", got=type(got).__name__)


def _compare(got: torch.Tensor, expected: torch.Tensor, where: str,
             names: Sequence[str] | None, atol: float, rtol: float, check_dtype: bool,
             exact_dtype: bool) -> None:
    if got.shape != expected.shape:
        fail(f"{where}returned shape {_shape_text(got.shape, None)}, expected "
             f"{_shape_text(expected.shape, names)}: {shape_hint(got.shape, expected.shape)}",
             kind="shape", expected=describe(expected), got=describe(got))
    if exact_dtype and got.dtype != expected.dtype:
        fail(f"{where}returned dtype {got.dtype}, expected {expected.dtype}",
             kind="dtype", expected=describe(expected), got=describe(got))
    if check_dtype and _kind_of(got.dtype) != _kind_of(expected.dtype):
        fail(f"{where}returned {_kind_of(got.dtype)} values ({got.dtype}), expected "
             f"{_kind_of(expected.dtype)} values ({expected.dtype})",
             kind="dtype", expected=describe(expected), got=describe(got))
    if got.device != expected.device:
        fail(f"{where}returned a tensor on {got.device}, expected {expected.device}",
             kind="device", expected=describe(expected), got=describe(got))
    g = got.detach()
    e = expected.detach()
    if g.dtype == torch.bool or e.dtype == torch.bool:
        g, e = g.to(torch.int64), e.to(torch.int64)
    g = g.to(torch.float64) if not g.is_complex() else g
    e = e.to(torch.float64) if not e.is_complex() else e
    got_nan = torch.isnan(g) & ~torch.isnan(e)
    if got_nan.any():
        idx = tuple(int(i) for i in got_nan.nonzero()[0])
        fail(f"{where}returned NaN at {list(idx)} ({int(got_nan.sum())} NaN in all) "
             "where a number was expected: look for 0/0, log of a negative, or inf - inf",
             kind="nan", details=side_by_side(e, g, got_nan),
             expected=describe(expected), got=describe(got))
    close = torch.isclose(g, e, atol=atol, rtol=rtol, equal_nan=True)
    if not close.all():
        bad = ~close
        err = (g - e).abs().nan_to_num(nan=math.inf)
        err = torch.where(bad, err, torch.zeros_like(err))
        worst = int(err.reshape(-1).argmax()) if err.numel() else 0
        where_worst = _unravel(worst, tuple(e.shape))
        ev, gv = e.reshape(-1)[worst].item(), g.reshape(-1)[worst].item()
        ev_s, gv_s = _fmt_pair(ev, gv)
        rel = abs(gv - ev) / abs(ev) if ev not in (0, 0.0) else math.inf
        n_bad = int(bad.sum())
        at = f" at {where_worst}" if where_worst else ""
        said = f"{where.strip()}: " if where else ""
        summary = (f"{said}expected {ev_s}, got {gv_s}" if e.numel() == 1 else
                   f"{said}{n_bad} of {e.numel()} values differ; worst{at}: expected "
                   f"{ev_s}, got {gv_s}")
        fail(summary,
             kind="value",
             details=(f"max abs error {_fmt(abs(gv - ev))}, rel error {_fmt(rel)} "
                      f"(tolerance atol={atol:g}, rtol={rtol:g})\n" + side_by_side(e, g, bad)),
             expected=describe(expected), got=describe(got))


def _unravel(flat: int, shape: tuple[int, ...]) -> list[int]:
    """The index of the `flat`-th element of a row-major tensor of `shape`.

    By hand: `torch.unravel_index` imports sympy (via torch.fx) on first use, 1.5 s of
    every check that reports a wrong value.
    """
    index = []
    for size in reversed(shape):
        flat, i = divmod(flat, size) if size else (flat, 0)
        index.append(i)
    return index[::-1]


def assert_shape(got: Any, expected: Sequence[int], *, call: str = "",
                 dims: str | Sequence[str] | None = None) -> None:
    """Check only that `got` is a tensor of shape `expected` (named by `dims`)."""
    where = f"{call} " if call else ""
    names = dims.split() if isinstance(dims, str) else dims
    expected = tuple(expected)
    if not isinstance(got, torch.Tensor):
        fail(f"{where}returned {describe(got)}, expected a tensor of shape "
             f"{_shape_text(expected, names)}", kind="type", got=describe(got))
    _plain(got, where)
    if tuple(got.shape) != expected:
        fail(f"{where}returned shape {_shape_text(got.shape, None)}, expected "
             f"{_shape_text(expected, names)}: {shape_hint(got.shape, expected)}",
             kind="shape", got=describe(got))


def assert_tensor_equal(got: Any, expected: torch.Tensor, *, call: str = "",
                        dims: str | Sequence[str] | None = None, exact_dtype: bool = False) -> None:
    """Like `assert_tensor_close` with no tolerance."""
    assert_tensor_close(got, expected, call=call, atol=0.0, rtol=0.0, dims=dims,
                        exact_dtype=exact_dtype)


def as_number(x: Any, *, call: str = "") -> float:
    """A Python number from a number or a one-element tensor, else a `type` failure."""
    where = f"{call} " if call else ""
    if isinstance(x, torch.Tensor):
        if x.numel() != 1:
            fail(f"{where}returned {describe(x)}, expected a single number", kind="shape")
        return x.item()
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return x
    fail(f"{where}returned {describe(x)}, expected a number", kind="type")
    raise AssertionError  # unreachable; keeps type checkers happy


def assert_number_close(got: Any, expected: float, *, call: str = "",
                        atol: float = 1e-6, rtol: float = 1e-5) -> None:
    """Check a scalar result (a number or a one-element tensor)."""
    value = as_number(got, call=call)
    where = f"{call} " if call else ""
    if math.isnan(value) and not math.isnan(expected):
        fail(f"{where}returned NaN, expected {_fmt(expected)}", kind="nan")
    if not (value == expected or math.isclose(value, expected, abs_tol=atol, rel_tol=rtol)):
        exp_s, got_s = _fmt_pair(expected, value)
        fail(f"{where}returned {got_s}, expected {exp_s}", kind="value", expected=exp_s,
             got=got_s)


def assert_array_close(got: Any, expected: Any, *, call: str = "", atol: float = 1e-6,
                       rtol: float = 1e-6, dims: str | Sequence[str] | None = None,
                       check_dtype: bool = True) -> None:
    """`assert_tensor_close` for rooms whose answers are numpy arrays (backprop, RL): `got`
    must be a numpy array; both are compared as float64 (or their own integer/bool kind)
    with the same messages (named dims, worst element, side-by-side grid)."""
    import numpy as np

    where = f"{call} " if call else ""
    expected = np.asarray(expected)
    if not isinstance(got, np.ndarray):
        fail(f"{where}returned {describe(got)}, expected a numpy array of shape "
             f"{tuple(expected.shape)}", kind="type", expected=f"numpy array {expected.shape}",
             got=describe(got))

    def as_tensor(a: Any) -> torch.Tensor:
        if a.dtype.kind == "f" or a.dtype.kind == "c":
            return torch.from_numpy(np.ascontiguousarray(a, dtype=np.float64))
        return torch.from_numpy(np.ascontiguousarray(a))

    assert_tensor_close(as_tensor(got), as_tensor(expected), call=call, atol=atol, rtol=rtol,
                        dims=dims, check_dtype=check_dtype)


def assert_equal(got: Any, expected: Any, *, call: str = "") -> None:
    """Check a plain value (bool, int, str, tuple) for equality, type included."""
    where = f"{call} " if call else ""
    if isinstance(expected, bool) and isinstance(got, torch.Tensor):
        # `if tensor(True):` works, but `is True`, JSON and a bool signature do not: a yes/no
        # answer is a Python bool (a one-element number tensor stands in for a number).
        fail(f"{where}returned {describe(got)}, expected a Python bool ({expected!r}): turn "
             "the answer into one with bool(...) or .item()", kind="type",
             expected=describe(expected), got=describe(got))
    if isinstance(got, torch.Tensor) and got.numel() == 1 and not isinstance(expected, torch.Tensor):
        got = got.item()
    if type(got) is not type(expected) and not (
        isinstance(got, (int, float)) and isinstance(expected, (int, float))
        and not isinstance(got, bool) and not isinstance(expected, bool)
    ):
        fail(f"{where}returned {describe(got)}, expected {describe(expected)}", kind="type",
             expected=describe(expected), got=describe(got))
    if got != expected:
        fail(f"{where}returned {got!r}, expected {expected!r}", kind="value",
             expected=repr(expected), got=repr(got))


def _snapshot(value: Any) -> Any:
    if isinstance(value, torch.Tensor):
        return value.detach().clone()
    if type(value).__module__ == "numpy" and hasattr(value, "copy"):
        return value.copy()
    if isinstance(value, (list, tuple)):
        return type(value)(_snapshot(v) for v in value)
    return None


def _changed(before: Any, after: Any) -> bool:
    if isinstance(before, torch.Tensor):
        if before.shape != after.shape:
            return True
        same = (before == after) | (torch.isnan(before) & torch.isnan(after)) \
            if before.dtype.is_floating_point else before == after
        return not bool(same.all())
    if type(before).__module__ == "numpy":
        import numpy as np

        return not np.array_equal(before, after, equal_nan=before.dtype.kind in "fc")
    if isinstance(before, (list, tuple)):
        return any(_changed(b, a) for b, a in zip(before, after))
    return False


def call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call the player's `fn`; fail with a `mutation` verdict if it changed a tensor argument."""
    before = [_snapshot(a) for a in args]
    before_kw = {k: _snapshot(v) for k, v in kwargs.items()}
    result = fn(*args, **kwargs)
    name = getattr(fn, "__name__", None) or type(fn).__name__
    for i, (b, a) in enumerate(zip(before, args)):
        if b is not None and _changed(b, a):
            fail(f"{name} changed its argument #{i + 1} in place; build a new tensor instead "
                 "(e.g. x = x - m, not x -= m)", kind="mutation")
    for k, b in before_kw.items():
        if b is not None and _changed(b, kwargs[k]):
            fail(f"{name} changed its argument `{k}` in place; build a new tensor instead",
                 kind="mutation")
    return result


def call_watched(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, set[str]]:
    """`call(fn, ...)`, also returning the names of the torch functions `fn` ran.

    Catches at run time what a syntax rule can't see: a forbidden function reached
    through a helper, or a required one (e.g. `as_strided`) never actually used.
    """
    from torch.overrides import TorchFunctionMode

    class _Spy(TorchFunctionMode):
        def __init__(self) -> None:
            super().__init__()
            self.names: set[str] = set()

        def __torch_function__(self, func, types, args=(), kwargs=None):  # type: ignore[no-untyped-def]
            self.names.add(getattr(func, "__name__", ""))
            return func(*args, **(kwargs or {}))

    spy = _Spy()

    def watched(*a: Any, **k: Any) -> Any:
        with spy:
            return fn(*a, **k)

    watched.__name__ = getattr(fn, "__name__", "your function")
    return call(watched, *args, **kwargs), spy.names


def load_asset_module(test_file: str, name: str) -> Any:
    """Import `<dungeon>/assets/<name>.py` for a room's tests (code shared between rooms).

    `test_file` is the calling test's `__file__`; the module is imported once per run.
    """
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(test_file).resolve().parents[1] / "assets" / f"{name}.py"
    key = f"arena_assets_{path.parent.parent.name.replace('.', '_').replace('-', '_')}_{name}"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, path)
        if spec is None or spec.loader is None:
            raise ImportError(f"no asset module {path}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]


def show_picture(image: torch.Tensor, caption: str = "") -> None:
    """Attach a picture to the report: (h, w) greys in [0, 1] or (h, w, 3) RGB in [0, 1].

    Shown in the terminal when the room is cleared; `arena check --save` writes a PNG.
    """
    img = image.detach().to(torch.float32).cpu()
    if img.dim() not in (2, 3):
        raise ValueError(f"show_picture wants (h, w) or (h, w, 3), got {tuple(img.shape)}")
    finite = img[torch.isfinite(img)]
    if finite.numel() and (finite.min() < 0 or finite.max() > 1):
        lo, hi = finite.min(), finite.max()
        img = (img - lo) / (hi - lo + 1e-12)
    img = img.nan_to_num(nan=0.0, posinf=0.0, neginf=0.0).clamp(0, 1)
    pixels = (img.reshape(img.shape[0], -1) * 1000).round().div(1000).tolist()
    _records.append(PictureRecord(caption=caption, pixels=pixels,
                                  channels=3 if img.dim() == 3 else 1))


_DRAW = 0  # > 0 in a review drill (`--arena-draw`): fresh_seed gives other seeds


def draw_anew(draw: int) -> None:
    """Set by the grader for a review drill: fresh_seed answers with other seeds."""
    global _DRAW
    _DRAW = draw


def fresh_seed(seed: int) -> int:
    """The seed for a case's random inputs: `seed` itself when the room is graded, another
    one (derived from `seed` and the drill's number) in a review drill, so that a drill
    replays the room on inputs the learner has not seen. Use it for inputs checked against
    an oracle (`torch.Generator().manual_seed(fresh_seed(0))`), never for a case whose
    expected values were worked out for one seed; `arena dev check` grades the reference
    on several draws of every room that uses it."""
    return seed if not _DRAW else (seed * 1_000_003 + _DRAW * 7_919) % 2**31


def show_signed(values: torch.Tensor, caption: str = "", scale: float | None = None) -> None:
    """Attach a picture of signed values, (rows, cols): blue above zero, red below, white at
    zero, as strong as |value| / `scale` (default: the largest |value|). Each value is a
    square of pixels, as large as fits 72 terminal columns. Without colour the terminal
    draws it with signs (`+ * #` above zero, `- = %` below), so the sign is never lost."""
    v = values.detach().to(torch.float32).cpu()
    if v.dim() != 2:
        raise ValueError(f"show_signed wants (rows, cols), got {tuple(v.shape)}")
    v = v.nan_to_num(nan=0.0)
    top = scale if scale is not None else float(v.abs().max().clamp(min=1e-12))
    v = (v / top).clamp(-1, 1)
    pos, neg = v.clamp(min=0), (-v).clamp(min=0)
    rgb = torch.stack([1 - pos, 1 - pos - neg, 1 - neg], dim=-1).clamp(0, 1)
    cell = max(1, min(10, 72 // max(1, v.shape[1])))
    img = rgb.repeat_interleave(cell, 0).repeat_interleave(cell, 1)
    pixels = (img.reshape(img.shape[0], -1) * 1000).round().div(1000).tolist()
    _records.append(PictureRecord(caption=caption, pixels=pixels, channels=3, signed=True))


def curve(title: str, values: Sequence[float]) -> None:
    """Attach a curve (e.g. the loss per step) to the report; drawn as a chart in the terminal."""
    _records.append(Curve(title=title, values=[float(v) for v in values][:2000]))


def progress(done: int, total: int, text: str = "") -> None:
    """Report progress of long work (training) so the terminal can show a live bar."""
    import sys

    plugin = sys.modules.get("arena_dungeon.grading.plugin")
    if plugin is not None:
        plugin.write_record(Progress(done=done, total=total, text=text))


def compare_speed(fn: Callable[..., Any], reference: Callable[..., Any], *args: Any,
                  label: str, max_ratio: float = 10.0, fail_if_slow: bool = False) -> float:
    """Time the player's `fn` against `reference` on the same arguments; returns the ratio.

    Beyond `max_ratio` the report carries a warning ("correct, but 37x slower than the
    reference on 10^5 rays: look for a Python loop"), or the case fails if `fail_if_slow`.
    Ratios, not absolute times, so a slow machine doesn't matter.
    """
    import time

    reference(*args)  # warm up caches and lazy initialisation
    ref = min(_timed(reference, args, time) for _ in range(3))
    got = _timed(fn, args, time)
    if got > ref * max_ratio:
        got = min(got, _timed(fn, args, time))  # one retry: a hiccup is not a loop
    ratio = got / max(ref, 1e-7)
    if ratio > max_ratio:
        text = (f"correct, but {ratio:.0f}x slower than the reference on {label}: "
                "look for a Python loop")
        if fail_if_slow:
            fail(text, kind="slow")
        _records.append(WarningRecord(text=text))
    return ratio


def _timed(fn: Callable[..., Any], args: tuple[Any, ...], time: Any) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def note(text: str) -> None:
    """Attach a line to the report (shown under the table), e.g. a final loss."""
    _records.append(Note(text=text))


def drain_records() -> list[Record]:
    """Hand the pictures and notes gathered so far to the plugin."""
    out = list(_records)
    _records.clear()
    return out
