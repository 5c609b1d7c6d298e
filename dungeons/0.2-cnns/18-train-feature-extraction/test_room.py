"""Cases for the feature-extraction train: the head alone learns digits 6-9 on top of the
frozen body trained on digits 0-5.

Training runs once; every case reads the same run. A global forward hook records each call
of the DigitResNet (train or eval mode, gradients on or off, which rows), and the
optimisers built during the run are recorded with the parameters they hold. The held-out
threshold is measured (assets/README.md): about 86% with the pretrained body, 67% with a
random one.
"""

import math
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import torch
from torch import nn
from torch.utils.data import TensorDataset

from arena_dungeon.testing import curve, describe, fail, note, progress, show_picture
from digit_resnet import load_pretrained_digit_resnet

ASSET = Path(__file__).resolve().parent.parent / "assets" / "digits.npz"
ARGS = SimpleNamespace(batch_size=32, epochs=10, learning_rate=3e-2, n_classes=4)
TARGET = 0.78
HEAD = "out_layers.2."


def _data():
    """Digits 6-9 relabelled 0-3, split 80/20 as in scripts/train_feature_extractor.py."""
    with np.load(ASSET) as f:
        images = torch.tensor(f["images"], dtype=torch.float32)[:, None] / 16.0
        labels = torch.tensor(f["labels"], dtype=torch.int64)
    keep = labels >= 6
    x, y = images[keep], labels[keep] - 6
    perm = torch.randperm(len(x), generator=torch.Generator().manual_seed(0))
    n_test = len(x) // 5
    return (x[perm[n_test:]], y[perm[n_test:]]), (x[perm[:n_test]], y[perm[:n_test]])


def _key(row):
    return row.to(torch.float32).contiguous().numpy().tobytes()


_RUN = {}


def _run(room):
    """Train once per session, recording forward calls and optimisers."""
    if "result" in _RUN:
        return _RUN["result"]
    (xtr, ytr), (xte, yte) = _data()
    test_keys = {_key(r) for r in xte}
    steps = ARGS.epochs * math.ceil(len(xtr) / ARGS.batch_size)
    calls, optimisers = [], []

    def hook(module, inputs, output):
        if type(module).__name__ != "DigitResNet" or not inputs:
            return
        rows = inputs[0].detach()
        n_test = sum(_key(r) in test_keys for r in rows)
        kind = "test" if n_test == len(rows) and len(rows) else "train"
        calls.append({"kind": kind, "rows": [_key(r) for r in rows] if kind == "train" else None,
                      "n": len(rows), "training": module.training,
                      "grad": torch.is_grad_enabled()})
        if kind == "train":
            done = sum(c["kind"] == "train" for c in calls)
            progress(min(done, steps), steps, f"training step {done}")

    real_add = torch.optim.Optimizer.add_param_group

    def add_param_group(self, group):
        real_add(self, group)
        if not any(o is self for o, _ in optimisers):
            optimisers.append((self, []))
        held = next(ps for o, ps in optimisers if o is self)
        held.extend(self.param_groups[-1]["params"])

    handle = nn.modules.module.register_module_forward_hook(hook)
    torch.optim.Optimizer.add_param_group = add_param_group
    try:
        torch.manual_seed(0)
        out = room.train(ARGS, TensorDataset(xtr, ytr), TensorDataset(xte, yte))
    finally:
        handle.remove()
        torch.optim.Optimizer.add_param_group = real_add
    _RUN["result"] = SimpleNamespace(out=out, calls=calls, optimisers=optimisers, xtr=xtr,
                                     xte=xte, yte=yte)
    return _RUN["result"]


def _unpack(run):
    out = run.out
    if not isinstance(out, tuple) or len(out) != 3:
        fail(f"train(...) returned {describe(out)}, expected a tuple "
             "(loss_list, accuracy_list, model)", kind="type")
    if not isinstance(out[2], nn.Module):
        fail(f"the third item is {describe(out[2])}, expected the trained model", kind="type")
    return out


def _held_out_predictions(model, run):
    model.eval()
    with torch.inference_mode():
        return nn.Module.__call__(model, run.xte).argmax(-1)


def _held_out_accuracy(model, run):
    return (_held_out_predictions(model, run) == run.yte).float().mean().item()


def _show_misread(model, run):
    """The first 8 held-out digits the model misreads, side by side, with what it read."""
    wrong = (_held_out_predictions(model, run) != run.yte).nonzero().flatten()[:8]
    if not len(wrong):
        return
    strip = torch.zeros(8, 9 * len(wrong) - 1)
    for i, k in enumerate(wrong.tolist()):
        strip[:, 9 * i:9 * i + 8] = run.xte[k, 0]
    read = _held_out_predictions(model, run)[wrong] + 6
    show_picture(strip, "held-out digits the head misreads, read as "
                 + " ".join(str(d) for d in read.tolist()))


def test_returns_losses_accuracies_and_model(room):
    """One loss per optimiser step, one accuracy per epoch, plain floats, and the model."""
    run = _run(room)
    losses, accs, _ = _unpack(run)
    per_epoch = len(run.xtr) / ARGS.batch_size
    allowed = {ARGS.epochs * math.ceil(per_epoch), ARGS.epochs * math.floor(per_epoch)}
    if not isinstance(losses, list) or len(losses) not in allowed:
        fail(f"loss_list is {describe(losses)}, expected a list of {max(allowed)} losses "
             f"({ARGS.epochs} epochs x {math.ceil(per_epoch)} steps)", kind="shape")
    if not isinstance(accs, list) or len(accs) != ARGS.epochs:
        fail(f"accuracy_list is {describe(accs)}, expected {ARGS.epochs} accuracies, one per "
             "epoch", kind="shape")
    for name, values in (("loss_list", losses), ("accuracy_list", accs)):
        bad = [v for v in values if not isinstance(v, (float, int)) or isinstance(v, bool)]
        if bad:
            fail(f"{name} holds {describe(bad[0])}; expected plain Python floats", kind="type",
                 details="Append loss.item(), not the loss tensor.")


def test_body_unchanged_after_training(room):
    """Every weight and buffer outside the head equals the pretrained network's, exactly."""
    run = _run(room)
    model = _unpack(run)[2]
    ref = load_pretrained_digit_resnet().state_dict()
    mine = model.state_dict()
    for name, value in ref.items():
        if name.startswith(HEAD):
            continue
        if name not in mine or mine[name].shape != value.shape:
            fail(f"the trained model has no body entry {name} {tuple(value.shape)}: build it "
                 "with get_resnet_for_feature_extraction", kind="shape")
        if not torch.equal(mine[name], value):
            buffer = "running_" in name or "num_batches" in name
            fail(f"training changed the body's {name}", kind="value",
                 details=("That is a batch norm buffer: in train mode batch norm updates its "
                          "running statistics on every forward pass, frozen or not. Keep the "
                          "model in eval mode while the head trains.") if buffer else
                         ("A body parameter moved: it must stay frozen (requires_grad False) "
                          "and out of the optimiser."))


def test_optimiser_holds_only_the_head(room):
    """Every optimiser built in train holds exactly the head's weight and bias."""
    run = _run(room)
    model = _unpack(run)[2]
    if not run.optimisers:
        fail("train built no torch.optim optimiser", kind="value")
    head = {id(p) for p in model.out_layers[-1].parameters()}
    for _, params in run.optimisers:
        held = {id(p) for p in params}
        if held != head:
            fail(f"an optimiser holds {len(held)} parameter tensors "
                 f"({sum(p.numel() for p in params)} numbers); expected only the head's weight "
                 f"and bias ({sum(p.numel() for p in model.out_layers[-1].parameters())} "
                 "numbers)", kind="value",
                 details="Give the optimiser model.out_layers[-1].parameters(), not "
                         "model.parameters(): the body is not meant to change.")


def test_head_reaches_78_percent_on_held_out(room):
    """The returned model classifies at least 78% of the 142 held-out digits 6-9."""
    run = _run(room)
    losses, _, model = _unpack(run)
    if isinstance(losses, list) and losses:
        curve("training loss (the head alone)", [float(v) for v in losses])
    acc = _held_out_accuracy(model, run)
    note(f"held-out accuracy {acc:.1%} ({round(acc * len(run.yte))} of {len(run.yte)} digits "
         "6-9), from features learnt on 0-5")
    _show_misread(model, run)
    if acc < TARGET:
        fail(f"the trained model gets {acc:.1%} of the held-out digits right, expected at "
             f"least {TARGET:.0%}", kind="value",
             details="Every step: forward, cross_entropy, zero_grad, backward, step, on the "
                     "pretrained (not a fresh) body.")


def test_reported_accuracy_matches_the_model(room):
    """accuracy_list[-1] is the fraction of held-out digits the returned model gets right."""
    run = _run(room)
    _, accs, model = _unpack(run)
    if not accs:
        fail("accuracy_list is empty", kind="shape")
    expected = _held_out_accuracy(model, run)
    if not isinstance(accs[-1], (float, int)) or abs(accs[-1] - expected) > 1e-6:
        fail(f"the last reported accuracy is {accs[-1]!r}, but the returned model gets "
             f"{expected:.4f} of the held-out set right", kind="value",
             details="Count correct predictions over every test batch and divide by "
                     "len(testset).")


def test_evaluation_without_gradients(room):
    """Every forward pass on held-out digits runs under torch.inference_mode()."""
    run = _run(room)
    evals = [c for c in run.calls if c["kind"] == "test"]
    if not evals:
        fail("the model never saw a batch made only of held-out digits: evaluate on testset "
             "after each epoch", kind="value")
    tracked = sum(c["grad"] for c in evals)
    if tracked:
        fail(f"{tracked} of {len(evals)} evaluation forward passes tracked gradients",
             kind="value", details="Wrap the evaluation loop in `with t.inference_mode():`.")


def test_training_batches_shuffled(room):
    """The training rows come in a new order each epoch (a shuffled DataLoader)."""
    run = _run(room)
    seen = [k for c in run.calls if c["kind"] == "train" for k in c["rows"]]
    n = len(run.xtr)
    if len(seen) < 2 * n:
        fail(f"the model saw {len(seen)} training images, fewer than two epochs of {n}",
             kind="value")
    in_order = [_key(r) for r in run.xtr]
    first, second = seen[:n], seen[n:2 * n]
    if first == in_order or first == second:
        fail("the training images came in the same order "
             + ("as the dataset" if first == in_order else "in the first two epochs"),
             kind="value", details="Build the training DataLoader with shuffle=True, so each "
                                   "epoch's batches are drawn in a new order.")
