"""The learner-facing verdicts of arena_dungeon.testing, word for word."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from arena_dungeon import testing as T


def _mismatch(fn, *args, **kwargs) -> T.Mismatch:
    with pytest.raises(T.Mismatch) as err:
        fn(*args, **kwargs)
    return err.value


def test_not_a_tensor():
    m = _mismatch(T.assert_tensor_close, [1, 2], torch.zeros(2), call="f(x)")
    assert m.kind == "type"
    assert m.summary == "f(x) returned list of 2, expected a tensor f32[2]"


def test_swapped_axes_use_the_rooms_dimension_names():
    m = _mismatch(T.assert_tensor_close, torch.zeros(2, 9, 3), torch.zeros(9, 2, 3),
                  call="make_rays(9)", dims="nrays 2 3")
    assert m.kind == "shape"
    assert m.summary == ("make_rays(9) returned shape (2, 9, 3), expected (nrays=9, 2, 3): the "
                         "first and second axes look swapped")


@pytest.mark.parametrize(("got", "expected", "words"), [
    ((4, 1), (4,), "an extra size-1 axis (a missing squeeze, or keepdim=True?)"),
    ((4,), (4, 1), "a size-1 axis is missing (keepdim, or unsqueeze?)"),
    ((6,), (2, 3), "the right number of elements in the wrong layout"),
    ((2,), (2, 3), "too few axes: was an axis reduced that should stay?"),
])
def test_shape_hints(got, expected, words):
    assert words in T.shape_hint(got, expected)


def test_dtype_kind():
    m = _mismatch(T.assert_tensor_close, torch.zeros(3, dtype=torch.long), torch.zeros(3))
    assert m.kind == "dtype"
    assert m.summary == "returned integer values (torch.int64), expected float values " \
                        "(torch.float32)"


def test_nan_is_named_before_values():
    got = torch.tensor([1.0, float("nan"), 3.0])
    m = _mismatch(T.assert_tensor_close, got, torch.ones(3), call="softmax(x)")
    assert m.kind == "nan"
    assert m.summary.startswith("softmax(x) returned NaN at [1] (1 NaN in all)")


def test_values_show_worst_element_and_grid():
    expected = torch.arange(6.0).reshape(2, 3)
    got = expected.clone()
    got[1, 2] = 9.0
    m = _mismatch(T.assert_tensor_close, got, expected, call="f()")
    assert m.summary == "f(): 1 of 6 values differ; worst at [1, 2]: expected 5, got 9"
    assert "*5" in m.details and "*9" in m.details


def test_close_numbers_get_enough_digits():
    m = _mismatch(T.assert_number_close, 1341.02, 1341.0)
    assert m.summary == "returned 1341.02, expected 1341"


def test_mutating_an_input_is_caught_for_torch_and_numpy():
    def bump(x):
        x += 1
        return x

    for arg in (torch.zeros(3), np.zeros(3)):
        m = _mismatch(T.call, bump, arg)
        assert m.kind == "mutation"
        assert m.summary.startswith("bump changed its argument #1 in place")


def test_assert_shape_only_checks_shape():
    T.assert_shape(torch.zeros(2, 3), (2, 3))
    m = _mismatch(T.assert_shape, torch.zeros(3, 2), (2, 3), dims="rows cols")
    assert m.summary == ("returned shape (3, 2), expected (rows=2, cols=3): the first and "
                         "second axes look swapped")


def test_call_watched_sees_torch_functions():
    _, names = T.call_watched(lambda x: torch.nn.functional.relu(x).sum(), torch.ones(2))
    assert "relu" in names and "sum" in names


def test_a_tensor_is_not_a_bool_answer():
    """Issue 14.7: a function whose signature returns bool must return a bool."""
    m = _mismatch(T.assert_equal, torch.tensor(True), True, call="is_square(x)")
    assert m.kind == "type"
    assert m.summary.startswith("is_square(x) returned ")
    assert "expected a Python bool (True)" in m.summary
    T.assert_equal(True, True)
    T.assert_equal(torch.tensor(3), 3)  # a one-element tensor still stands in for a number


def test_numpy_answers_get_the_same_words():
    m = _mismatch(T.assert_array_close, [1.0, 2.0], np.zeros(2), call="f(x)")
    assert m.kind == "type" and "expected a numpy array of shape (2,)" in m.summary
    m = _mismatch(T.assert_array_close, np.zeros((3, 2)), np.zeros((2, 3)), call="f(x)",
                  dims="rows cols")
    assert m.kind == "shape" and "look swapped" in m.summary
    m = _mismatch(T.assert_array_close, np.array([1.0, 2.5]), np.array([1.0, 2.0]), call="f(x)")
    assert m.kind == "value" and "expected 2, got 2.5" in m.summary
    T.assert_array_close(np.array([1, 2]), np.array([1, 2]))


def test_signed_pictures_keep_their_sign_without_colour(monkeypatch):
    """show_signed: blue above zero and red below; a terminal without colour draws signs, so
    a red cell and a blue cell of the same strength never look alike."""
    import importlib

    import torch

    from arena_dungeon import testing
    from arena_dungeon.grading.report import Picture

    testing.show_signed(torch.tensor([[1.0, 0.0, -1.0]]), "three cells")
    record = testing._records.pop()
    assert record.signed and record.channels == 3
    assert record.pixels[0][:3] == [0.0, 0.0, 1.0]  # +1: blue
    pictures = importlib.import_module("arena_dungeon.ui.pictures")
    monkeypatch.setattr(pictures, "plain_terminal", lambda: True)
    console = pictures.console
    with console.capture() as captured:
        pictures.show_picture(Picture(record.caption, record.pixels, 3, signed=True))
    first = captured.get().splitlines()[1]
    width = len(record.pixels[0]) // 9  # each of the 3 values is a square of cells
    assert first == "#" * width + " " * width + "%" * width
