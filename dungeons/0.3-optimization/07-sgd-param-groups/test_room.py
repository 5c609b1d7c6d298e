"""Cases for SGD with parameter groups: the merged param_groups, the errors for a missing lr
and a repeated parameter, and three group configurations against torch.optim.SGD on a
network with a `base` and a `classifier`."""

import torch

from arena_dungeon.testing import assert_tensor_close, assert_equal, fail, load_asset_module

ref = load_asset_module(__file__, "reference")


def _groups(room, m, groups, **kwargs):
    spec = [{**g, "params": getattr(m, g["params"]).parameters()} for g in groups]
    return room.SGD(spec, **kwargs)


def test_param_groups_merge_settings(room):
    """Group values beat keyword arguments, which beat the defaults (momentum 0, weight_decay 0)."""
    m = ref.GroupNet()
    opt = _groups(room, m, [{"params": "base"}, {"params": "classifier", "lr": 1e-3}],
                  lr=0.1, momentum=0.9)
    groups = getattr(opt, "param_groups", None)
    if not isinstance(groups, list) or len(groups) != 2 or not all(isinstance(g, dict) for g in groups):
        fail(f"opt.param_groups is {groups!r:.80}, expected a list of 2 dicts", kind="type")
    call = "SGD([{'params': base}, {'params': classifier, 'lr': 1e-3}], lr=0.1, momentum=0.9)"
    for i, (lr, n_params) in enumerate([(0.1, 4), (1e-3, 2)]):
        g = groups[i]
        for key, value in [("lr", lr), ("momentum", 0.9), ("weight_decay", 0.0)]:
            if key not in g:
                fail(f"{call}.param_groups[{i}] has no key '{key}' (keys: {sorted(g)})", kind="value")
            assert_equal(g[key], value, call=f"{call}.param_groups[{i}]['{key}']")
        if not isinstance(g.get("params"), list) or len(g["params"]) != n_params:
            fail(f"{call}.param_groups[{i}]['params'] should be a list of {n_params} parameters, "
                 f"got {type(g.get('params')).__name__}", kind="type")


def test_missing_lr_raises(room):
    """A group with no lr, and no lr keyword, is an error at construction."""
    m = ref.GroupNet()
    try:
        _groups(room, m, [{"params": "base", "lr": 0.1}, {"params": "classifier"}], momentum=0.9)
    except (ValueError, AssertionError):
        return
    except Exception as e:  # noqa: BLE001
        fail(f"SGD(groups) with no lr for the second group raised {type(e).__name__}: {e}; "
             "expected a ValueError", kind="exception")
    fail("SGD([{'params': base, 'lr': 0.1}, {'params': classifier}], momentum=0.9) did not raise: "
         "the second group has no learning rate; raise a ValueError", kind="value")


def test_parameter_in_two_groups_raises(room):
    """The same parameter in two groups is an error at construction."""
    m = ref.GroupNet()
    spec = [{"params": m.parameters()}, {"params": m.classifier.parameters(), "lr": 1e-3}]
    try:
        room.SGD(spec, lr=0.1)
    except (ValueError, AssertionError):
        return
    except Exception as e:  # noqa: BLE001
        fail(f"SGD(groups) with a repeated parameter raised {type(e).__name__}: {e}; expected a "
             "ValueError", kind="exception")
    fail("SGD([{'params': all parameters}, {'params': classifier}], lr=0.1) did not raise: the "
         "classifier's parameters are in both groups; raise a ValueError", kind="value")


def test_plain_iterable_matches_torch(room):
    """No groups, SGD(model.parameters(), lr=0.1, momentum=0.9): six steps against torch."""
    ref.compare_with_torch(
        ref.GroupNet,
        lambda m: room.SGD(m.parameters(), lr=0.1, momentum=0.9),
        lambda m: torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.9),
        "SGD(model.parameters(), lr=0.1, momentum=0.9)")


def _against_torch(room, groups, **kwargs):
    label = f"SGD({groups}, " + ", ".join(f"{k}={v}" for k, v in kwargs.items()) + ")"

    def theirs(m):
        spec = [{**g, "params": getattr(m, g["params"]).parameters()} for g in groups]
        return torch.optim.SGD(spec, **kwargs)

    ref.compare_with_torch(ref.GroupNet, lambda m: _groups(room, m, groups, **kwargs), theirs, label)


def test_group_lr_overrides_keyword(room):
    """base at lr=0.1 from the keyword, classifier at its own lr=0.01, momentum=0.9 for both."""
    _against_torch(room, [{"params": "base"}, {"params": "classifier", "lr": 0.01}],
                   lr=0.1, momentum=0.9)


def test_every_setting_per_group(room):
    """Each group brings its own lr, momentum and weight_decay; no keywords at all."""
    _against_torch(room, [{"params": "base", "lr": 0.05, "momentum": 0.5},
                          {"params": "classifier", "lr": 0.2, "weight_decay": 0.1}])


def test_keyword_defaults_fill_in(room):
    """weight_decay=0.05 from the keyword for both groups, momentum only for the classifier."""
    _against_torch(room, [{"params": "base", "lr": 0.1},
                          {"params": "classifier", "lr": 0.05, "momentum": 0.8}],
                   weight_decay=0.05)


def test_gradient_left_as_backward_made_it(room):
    """SGD(lr=0.1, weight_decay=0.2): after step(), .grad still holds the loss gradient backward() put there;
    the decay term goes into a new tensor, not into .grad."""
    w = torch.nn.Parameter(torch.tensor([1.0, -2.0, 3.0]))
    opt = ref.optimizer_or_fail(lambda _: room.SGD([w], lr=0.1, weight_decay=0.2), None, "SGD([w], lr=0.1, weight_decay=0.2)")
    g = torch.tensor([0.5, 1.0, -1.5])
    (g * w).sum().backward()
    opt.step()
    assert_tensor_close(w.grad, g, call="w.grad after backward() then step()")
