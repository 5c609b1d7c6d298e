"""Cases for train: the run reaches 90% on held-out digits, and the bookkeeping is honest.

The model handed to `train` is a small MLP that records, for every forward call, whether
the batch came from the training or the held-out set, whether the model was in train mode
and whether gradients were being tracked. Training runs once; every case reads that record.
"""

import math
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import torch
from torch import nn
from torch.utils.data import TensorDataset

from arena_dungeon.testing import fresh_seed, curve, describe, fail, note, progress

ASSET = Path(__file__).resolve().parent.parent / "assets" / "digits.npz"
ARGS = SimpleNamespace(batch_size=64, epochs=8, learning_rate=3e-3)
TARGET = 0.90


def _data():
    with np.load(ASSET) as f:
        images = torch.tensor(f["images"], dtype=torch.float32) / 16.0
        labels = torch.tensor(f["labels"], dtype=torch.int64)
    perm = torch.randperm(len(images), generator=torch.Generator().manual_seed(fresh_seed(0)))
    n_test = len(images) // 5
    test_idx, train_idx = perm[:n_test], perm[n_test:]
    return (images[train_idx], labels[train_idx]), (images[test_idx], labels[test_idx])


def _key(row):
    return row.to(torch.float32).contiguous().numpy().tobytes()


class _ProbeMLP(nn.Module):
    """Flatten -> Linear(64, 100) -> ReLU -> Linear(100, 10), recording each forward call."""

    def __init__(self, test_keys, total_steps):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear1 = nn.Linear(64, 100)
        self.relu = nn.ReLU()
        self.linear2 = nn.Linear(100, 10)
        self._test_keys = test_keys
        self._total = total_steps
        self.calls = []

    def forward(self, x):
        rows = x.detach().reshape(len(x), -1)
        n_test = sum(_key(r) in self._test_keys for r in rows)
        kind = "test" if n_test == len(rows) and len(rows) else "train"
        self.calls.append({"kind": kind, "n": len(rows), "n_test": n_test,
                           "rows": [_key(r) for r in rows] if kind == "train" else None,
                           "training": self.training, "grad": torch.is_grad_enabled()})
        if kind == "train":
            done = sum(c["kind"] == "train" for c in self.calls)
            progress(min(done, self._total), self._total, f"training step {done}")
        return self.linear2(self.relu(self.linear1(self.flatten(x))))


_RUN = {}


def _run(room):
    """Train once per session; every case inspects the same run."""
    if "result" in _RUN:
        return _RUN["result"]
    (xtr, ytr), (xte, yte) = _data()
    steps = ARGS.epochs * math.ceil(len(xtr) / ARGS.batch_size)
    torch.manual_seed(fresh_seed(0))
    model = _ProbeMLP({_key(r) for r in xte.reshape(len(xte), -1)}, steps)
    torch.manual_seed(fresh_seed(0))
    out = room.train(model, TensorDataset(xtr, ytr), TensorDataset(xte, yte), ARGS)
    model.calls_done = list(model.calls)
    _RUN["result"] = SimpleNamespace(out=out, model=model, calls=model.calls_done,
                                     xtr=xtr, xte=xte, yte=yte, steps=steps)
    return _RUN["result"]


def _unpack(run):
    out = run.out
    if not isinstance(out, tuple) or len(out) != 3:
        fail(f"train(...) returned {describe(out)}, expected a tuple "
             "(loss_list, accuracy_list, model)", kind="type")
    return out


def _held_out_accuracy(model, run):
    model.eval()
    with torch.inference_mode():
        logits = nn.Module.__call__(model, run.xte)
    return (logits.argmax(-1) == run.yte).float().mean().item()


def test_returns_losses_accuracies_and_model(room):
    """One loss per optimiser step, one accuracy per epoch, plain floats, and the model."""
    run = _run(room)
    losses, accs, model = _unpack(run)
    if not isinstance(model, nn.Module):
        fail(f"the third item is {describe(model)}, expected the trained model", kind="type")
    per_epoch = len(run.xtr) / ARGS.batch_size
    allowed = {ARGS.epochs * math.ceil(per_epoch), ARGS.epochs * math.floor(per_epoch)}
    if not isinstance(losses, list) or len(losses) not in allowed:
        fail(f"loss_list is {describe(losses)}, expected a list of {max(allowed)} losses "
             f"({ARGS.epochs} epochs x {math.ceil(per_epoch)} steps)", kind="shape")
    if not isinstance(accs, list) or len(accs) != ARGS.epochs:
        fail(f"accuracy_list is {describe(accs)}, expected a list of {ARGS.epochs} "
             "accuracies, one per epoch", kind="shape")
    for name, values in (("loss_list", losses), ("accuracy_list", accs)):
        bad = [v for v in values if not isinstance(v, (float, int)) or isinstance(v, bool)]
        if bad:
            fail(f"{name} holds {describe(bad[0])}; expected plain Python floats",
                 kind="type", details="Append loss.item(), not the loss tensor: a tensor "
                                      "keeps its whole autograd graph alive.")


def test_reaches_90_percent_on_held_out_digits(room):
    """After 8 epochs the returned model classifies at least 90% of the 359 held-out digits."""
    run = _run(room)
    losses, accs, model = _unpack(run)
    if isinstance(losses, list) and losses:
        curve("training loss", [float(v) for v in losses])
    acc = _held_out_accuracy(model, run)
    note(f"held-out accuracy {acc:.1%} ({round(acc * len(run.yte))} of {len(run.yte)} digits)")
    if acc < TARGET:
        fail(f"the trained model gets {acc:.1%} of the held-out digits right, expected at "
             f"least {TARGET:.0%}", kind="value",
             details="Check the loop: zero_grad, forward, cross_entropy, backward, step, for "
                     "every batch of every epoch, with an optimiser over model.parameters().")


def test_reported_accuracy_matches_the_model(room):
    """accuracy_list[-1] is the fraction of held-out digits the returned model gets right."""
    run = _run(room)
    _, accs, model = _unpack(run)
    if not accs:
        fail("accuracy_list is empty", kind="shape")
    expected = _held_out_accuracy(model, run)
    got = accs[-1]
    if not isinstance(got, (float, int)) or not 0 <= got <= 1:
        fail(f"the last accuracy is {got!r}; expected a fraction in [0, 1]", kind="value",
             details="Divide the number of correct predictions by the size of the test set.")
    if abs(got - expected) > 1e-6:
        fail(f"the last reported accuracy is {got:.4f}, but the returned model gets "
             f"{expected:.4f} of the held-out set right", kind="value",
             details="Count correct predictions over the whole test set (all batches) and "
                     "divide by len(testset); measure on the test set, not the training set.")


def test_evaluation_without_gradients(room):
    """Every forward pass on held-out digits runs under torch.inference_mode() (or no_grad)."""
    run = _run(room)
    evals = [c for c in run.calls if c["kind"] == "test"]
    if not evals:
        fail("the model never saw a batch made only of held-out digits: evaluate on testset "
             "after each epoch", kind="value")
    tracked = sum(c["grad"] for c in evals)
    if tracked:
        fail(f"{tracked} of {len(evals)} evaluation forward passes tracked gradients",
             kind="value", details="Wrap the validation loop in `with t.inference_mode():`; "
                                   "it is faster, uses less memory and cannot leak into "
                                   "training.")


def test_evaluation_in_eval_mode(room):
    """The model is switched to eval mode (model.eval()) for every held-out batch."""
    run = _run(room)
    evals = [c for c in run.calls if c["kind"] == "test"]
    if not evals:
        fail("the model never saw a batch made only of held-out digits", kind="value")
    in_train = sum(c["training"] for c in evals)
    if in_train:
        fail(f"{in_train} of {len(evals)} evaluation forward passes ran in train mode",
             kind="value", details="Call model.eval() before the validation loop: layers such "
                                   "as dropout and batch norm behave differently there.")


def test_training_steps_in_train_mode(room):
    """Every training batch runs in train mode with gradients on, in every epoch."""
    run = _run(room)
    steps = [c for c in run.calls if c["kind"] == "train"]
    if not steps:
        fail("the model never saw a training batch", kind="value")
    for i, c in enumerate(steps):
        if not c["training"]:
            fail(f"training forward pass {i + 1} of {len(steps)} ran in eval mode", kind="value",
                 details="After evaluating, call model.train() again before the next epoch.")
        if not c["grad"]:
            fail(f"training forward pass {i + 1} of {len(steps)} ran without gradients",
                 kind="value")


def test_whole_test_set_once_per_epoch(room):
    """Each epoch's evaluation sees every held-out digit exactly once (359 x 8 rows in all)."""
    run = _run(room)
    seen = sum(c["n"] for c in run.calls if c["kind"] == "test")
    expected = ARGS.epochs * len(run.xte)
    if seen != expected:
        fail(f"the evaluation passes saw {seen} held-out images, expected {expected} "
             f"({len(run.xte)} per epoch x {ARGS.epochs} epochs)", kind="value",
             details="Evaluate on the whole test set once per epoch, one forward per batch.")


def test_loss_starts_near_log_10_and_falls(room):
    """The first loss is about ln(10) = 2.3 (a random guess); the last ones are far lower."""
    run = _run(room)
    losses, _, _ = _unpack(run)
    if not isinstance(losses, list) or len(losses) < 20:
        fail(f"loss_list is {describe(losses)}, too short to judge", kind="shape")
    first, last = float(losses[0]), sum(map(float, losses[-10:])) / 10
    if not 1.8 <= first <= 2.9:
        fail(f"the first loss is {first:.3f}; an untrained 10-class model should give about "
             f"ln(10) = 2.303", kind="value",
             details="Record F.cross_entropy(logits, labels).item() for each batch (a mean, "
                     "not a sum).")
    if not last < 0.5 * first:
        fail(f"the loss went from {first:.3f} to {last:.3f} (mean of the last 10); expected it "
             "to at least halve", kind="value")


def test_training_batches_shuffled(room):
    """The training digits come in a new order each epoch, as a shuffled DataLoader gives."""
    run = _run(room)
    seen = [k for c in run.calls if c["kind"] == "train" for k in c["rows"]]
    n = len(run.xtr)
    if len(seen) < 2 * n:
        fail(f"the model saw {len(seen)} training images, fewer than two epochs of {n}",
             kind="value")
    in_order = [_key(r) for r in run.xtr.reshape(n, -1)]
    first, second = seen[:n], seen[n:2 * n]
    if first == in_order or first == second:
        fail("the training images came in the same order "
             + ("as the dataset" if first == in_order else "in the first two epochs"),
             kind="value", details="Build the training DataLoader with shuffle=True: batches "
                                   "drawn in a new order each epoch keep the steps from "
                                   "following the same path through the data every time.")
