"""Cases for BackwardFuncLookup: register and fetch, positions kept apart, functions that
share a name, replacing an entry, separate instances, KeyError for unknown pairs."""

import numpy as np

from arena_dungeon.testing import fail


def log_back(grad_out, out, x):
    return grad_out / x


def multiply_back0(grad_out, out, x, y):
    return grad_out * y


def multiply_back1(grad_out, out, x, y):
    return grad_out * x


def _name(fn):
    return getattr(fn, "__name__", type(fn).__name__)


def _expect(lookup, forward_fn, pos, back_fn, label):
    got = lookup.get_back_func(forward_fn, pos)
    if got is not back_fn:
        fail(f"get_back_func({label}, {pos}) returned {_name(got)}, expected the "
             f"registered {_name(back_fn)} (the same object)", kind="value")


def test_register_and_fetch(room):
    """np.log at 0, np.multiply at 0 and 1: each comes back as the same object."""
    lookup = room.BackwardFuncLookup()
    lookup.add_back_func(np.log, 0, log_back)
    lookup.add_back_func(np.multiply, 0, multiply_back0)
    lookup.add_back_func(np.multiply, 1, multiply_back1)
    _expect(lookup, np.log, 0, log_back, "np.log")
    _expect(lookup, np.multiply, 0, multiply_back0, "np.multiply")
    _expect(lookup, np.multiply, 1, multiply_back1, "np.multiply")


def test_positions_kept_apart(room):
    """Registering position 1 after position 0 must not overwrite position 0."""
    lookup = room.BackwardFuncLookup()
    lookup.add_back_func(np.multiply, 0, multiply_back0)
    lookup.add_back_func(np.multiply, 1, multiply_back1)
    _expect(lookup, np.multiply, 0, multiply_back0, "np.multiply")
    _expect(lookup, np.multiply, 1, multiply_back1, "np.multiply")


def test_functions_sharing_a_name(room):
    """Two different forward functions both called `scale`: keyed by the object, not the name."""
    def make_scale(k):
        def scale(x):
            return k * x
        return scale

    double, triple = make_scale(2), make_scale(3)
    back_double, back_triple = (lambda g, o, x: 2 * g), (lambda g, o, x: 3 * g)
    lookup = room.BackwardFuncLookup()
    lookup.add_back_func(double, 0, back_double)
    lookup.add_back_func(triple, 0, back_triple)
    if lookup.get_back_func(double, 0) is not back_double:
        fail("two different forward functions named `scale` were registered; "
             "get_back_func(first scale, 0) returned the second one's back function",
             kind="value", details="Key the registry by the function object, not by "
                                   "forward_fn.__name__.")
    _expect(lookup, triple, 0, back_triple, "the second `scale`")


def test_registering_again_replaces(room):
    """A second add_back_func for the same pair replaces the first."""
    lookup = room.BackwardFuncLookup()
    lookup.add_back_func(np.log, 0, multiply_back0)
    lookup.add_back_func(np.log, 0, log_back)
    _expect(lookup, np.log, 0, log_back, "np.log")


def test_instances_do_not_share(room):
    """What one lookup registers is invisible to another."""
    first, second = room.BackwardFuncLookup(), room.BackwardFuncLookup()
    first.add_back_func(np.exp, 0, log_back)
    second.add_back_func(np.exp, 0, multiply_back0)
    _expect(first, np.exp, 0, log_back, "np.exp")
    fresh = room.BackwardFuncLookup()
    try:
        got = fresh.get_back_func(np.exp, 0)
    except KeyError:
        return
    if got is None:
        return  # not sharing; the KeyError case reports the missing raise
    fail(f"a brand-new BackwardFuncLookup() already knows np.exp (returned {_name(got)}): "
         "the registry is shared between instances", kind="value",
         details="Create the dict in __init__ with self.<name> = {}, not in the class body.")


def test_unknown_pair_raises_key_error(room):
    """A function never registered, or a position never registered: KeyError."""
    lookup = room.BackwardFuncLookup()
    lookup.add_back_func(np.multiply, 0, multiply_back0)
    for fn, pos, label in [(np.multiply, 1, "np.multiply, 1"), (np.sin, 0, "np.sin, 0")]:
        try:
            got = lookup.get_back_func(fn, pos)
        except KeyError:
            continue
        fail(f"get_back_func({label}) returned {_name(got)} for a pair that was never "
             "registered; expected a KeyError", kind="value")
