"""Cases for get_resnet_for_feature_extraction: output shapes for several class counts, the
body's weights are the pretrained ones and frozen, the new head is a fresh trainable Linear
reading the 32 pooled features, and a backward pass reaches the head alone."""

import torch
from torch import nn

from arena_dungeon.testing import assert_equal, assert_shape, call, fail, fresh_seed
from digit_resnet import load_pretrained_digit_resnet

HEAD = "out_layers.2."


def _build(room, n_classes):
    torch.manual_seed(fresh_seed(0))
    model = call(room.get_resnet_for_feature_extraction, n_classes)
    if not isinstance(model, nn.Module):
        fail(f"get_resnet_for_feature_extraction({n_classes}) returned {type(model).__name__}, "
             "expected the model (an nn.Module)", kind="type")
    return model


def _body_state(model):
    return {k: v for k, v in model.state_dict().items() if not k.startswith(HEAD)}


def test_logits_for_the_new_classes(room):
    """n_classes = 4 and 9: two digits in, logits (2, n_classes) out."""
    torch.manual_seed(fresh_seed(1))
    x = torch.rand(2, 1, 8, 8)
    for n in (4, 9):
        model = _build(room, n).eval()
        with torch.no_grad():
            out = call(model, x)
        assert_shape(out, (2, n), call=f"get_resnet_for_feature_extraction({n})(x), x (2, 1, 8, 8)",
                     dims="batch n_classes")


def test_body_keeps_the_pretrained_weights(room):
    """Every weight and buffer outside the head equals the shipped network's (digits 0-5)."""
    mine = _body_state(_build(room, 4))
    ref = _body_state(load_pretrained_digit_resnet())
    if list(mine) != list(ref):
        fail(f"the body has the entries {list(mine)[:4]}...; expected the DigitResNet's "
             f"{list(ref)[:4]}...", kind="shape")
    for name, value in ref.items():
        if mine[name].shape != value.shape or not torch.equal(mine[name], value):
            fail(f"the body's {name} differs from the pretrained network's", kind="value",
                 details="Start from load_pretrained_digit_resnet(): a fresh DigitResNet() has "
                         "random weights, and feature extraction is only worth it on a trained "
                         "body.")


def test_body_is_frozen(room):
    """Every parameter outside out_layers[-1] has requires_grad False."""
    model = _build(room, 4)
    live = [name for name, p in model.named_parameters()
            if not name.startswith(HEAD) and p.requires_grad]
    if live:
        fail(f"{len(live)} body parameters still have requires_grad True, e.g. {live[0]}",
             kind="value", details="model.requires_grad_(False) freezes every parameter of the "
                                   "model; call it before you put the new head in.")


def test_new_head_is_a_trainable_linear(room):
    """out_layers[-1] is a Linear(32, n_classes) whose weight and bias require gradients."""
    for n in (4, 7):
        model = _build(room, n)
        head = model.out_layers[-1]
        if not isinstance(head, nn.Linear):
            fail(f"model.out_layers[-1] is {type(head).__name__}, expected an nn.Linear",
                 kind="type")
        assert_equal((head.in_features, head.out_features), (32, n),
                     call=f"(in_features, out_features) of the head, n_classes={n}")
        frozen = [name for name, p in head.named_parameters() if not p.requires_grad]
        if frozen:
            fail(f"the new head's {frozen[0]} has requires_grad False: nothing can train",
                 kind="value", details="Freeze the model first, then assign the new Linear: a "
                                       "module built after the freeze is trainable.")


def test_backward_reaches_only_the_head(room):
    """A loss's backward gives .grad to exactly the head's 32 * n + n parameters."""
    n = 5
    model = _build(room, n)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    assert_equal(trainable, 32 * n + n, call=f"trainable parameters for n_classes={n}")
    torch.manual_seed(fresh_seed(2))
    model.eval()(torch.rand(3, 1, 8, 8)).logsumexp(-1).sum().backward()
    got = [name for name, p in model.named_parameters() if p.grad is not None]
    assert_equal(got, [HEAD + "weight", HEAD + "bias"],
                 call="the parameters that received a gradient")
