"""Cases for the boss: the MLP's layout, one epoch against a torch oracle, an honest test(),
and a real run on the shipped 8x8 digits that must reach 80% held-out accuracy."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

import backprop_framework as framework  # the given module the player's file imports
from arena_dungeon.testing import curve, describe, fail, load_asset_module, note, progress

ref = load_asset_module(__file__, "framework_reference")
DIGITS = Path(__file__).resolve().parents[2] / "0.2-cnns" / "assets" / "digits.npz"
EPOCHS, BATCH, LR, TARGET = 4, 16, 0.1, 0.80


def _digits():
    with np.load(DIGITS) as f:
        images = (f["images"] / 16.0).astype(np.float32)
        labels = f["labels"].astype(np.int64)
    perm = np.random.default_rng(0).permutation(len(images))
    n_test = len(images) // 5
    return (images[perm[n_test:]], labels[perm[n_test:]]), (images[perm[:n_test]], labels[perm[:n_test]])


def _loader(images, labels, batch, seed=None):
    order = np.arange(len(images)) if seed is None else np.random.default_rng(seed).permutation(len(images))
    return [(images[order[i:i + batch]], labels[order[i:i + batch]]) for i in range(0, len(images), batch)]


def _mlp(room, seed=0):
    np.random.seed(seed)
    model = room.MLP()
    if not isinstance(model, framework.Module):
        fail(f"MLP() is {describe(model)}, expected a Module", kind="type")
    return model


def _small_model(room):
    """A model built by the test from the given Linear: train() is checked on its own."""

    class Small(framework.Module):
        def __init__(self):
            super().__init__()
            self.first = room.Linear(64, 8)
            self.second = room.Linear(8, 10)

        def forward(self, x):
            return self.second(framework.relu(self.first(x.reshape((x.shape[0], 64)))))

    np.random.seed(3)
    return Small()


def test_mlp_layout(room):
    """MLP(): linear1 (64->64), linear2 (64->64), output (64->10); parameters in that order."""
    model = _mlp(room)
    shapes = [p.shape for p in model.parameters()]
    expected = [(64, 64), (64,), (64, 64), (64,), (10, 64), (10,)]
    if shapes != expected:
        fail(f"MLP().parameters() have shapes {shapes}, expected {expected}", kind="shape",
             details="Assign linear1 = Linear(64, 64), relu1 = ReLU(), linear2 = Linear(64, 64), "
                     "relu2 = ReLU(), output = Linear(64, 10) after super().__init__().")


def test_mlp_forward_values(room):
    """MLP() on (5, 8, 8) images gives (5, 10) logits equal to the layers applied by hand."""
    model = _mlp(room)
    x = np.random.default_rng(20).uniform(size=(5, 8, 8)).astype(np.float32)
    out = model(framework.Tensor(x))
    if not isinstance(out, framework.Tensor) or out.shape != (5, 10):
        fail(f"MLP()(images (5, 8, 8)) returned {describe(out)} of shape "
             f"{getattr(out, 'shape', None)}, expected a Tensor (5, 10)", kind="shape")
    h = x.reshape(5, 64)
    for layer, act in ((model.linear1, True), (model.linear2, True), (model.output, False)):
        h = h @ layer.weight.array.T + layer.bias.array
        h = np.maximum(h, 0) if act else h
    ref.check_array(out.array, h, call="MLP()(images (5, 8, 8)).array", dims="5 10", atol=1e-5)


def test_one_epoch_matches_torch(room):
    """train() on 2 batches of 6 equals 2 torch SGD steps on the mean cross-entropy."""
    model = _small_model(room)
    rng = np.random.default_rng(21)
    loader = [(rng.uniform(size=(6, 8, 8)).astype(np.float32), rng.integers(0, 10, size=6))
              for _ in range(2)]
    t1, t2 = torch.nn.Linear(64, 8).double(), torch.nn.Linear(8, 10).double()
    with torch.no_grad():
        for tl, layer in ((t1, model.first), (t2, model.second)):
            tl.weight.copy_(torch.tensor(layer.weight.array))
            tl.bias.copy_(torch.tensor(layer.bias.array))
    expected_losses = []
    for images, labels in loader:
        t1.zero_grad()
        t2.zero_grad()
        loss = F.cross_entropy(t2(torch.relu(t1(torch.tensor(images, dtype=torch.float64).reshape(6, 64)))),
                               torch.tensor(labels))
        loss.backward()
        with torch.no_grad():
            for p in [*t1.parameters(), *t2.parameters()]:
                p -= 0.2 * p.grad
        expected_losses.append(loss.item())
    losses = []
    room.train(model, loader, room.SGD(model.parameters(), 0.2), 0, losses)
    if len(losses) != 2 or not all(isinstance(v, float) for v in losses):
        fail(f"train(...) appended {len(losses)} items "
             f"({', '.join(describe(v) for v in losses[:3])}) to train_loss_list, expected 2 "
             "floats, one per batch", kind="value", details="Append loss.item() after each step.")
    ref.check_array(np.array(losses), expected_losses, call="the 2 recorded losses", atol=1e-5)
    ref.check_array(model.first.weight.array, t1.weight.detach().numpy(),
                    call="first layer's weight after train()", atol=1e-5)
    ref.check_array(model.second.bias.array, t2.bias.detach().numpy(),
                    call="second layer's bias after train()", atol=1e-5)


def test_test_counts_every_example_without_grad(room):
    """test() on batches of 4, 4, 2 (all, none, all right) gives 6/10, with tracking off."""
    calls = []

    class Probe(framework.Module):
        def forward(self, x):
            calls.append(framework.grad_tracking_enabled)
            picks = x.array[:, 0, 0].astype(np.int64)  # the probe "predicts" pixel (0, 0)
            logits = np.zeros((len(picks), 10), dtype=np.float32)
            logits[np.arange(len(picks)), picks] = 1.0
            return framework.Tensor(logits, requires_grad=True) * 1.0

    def batch(preds, labels):
        images = np.zeros((len(preds), 8, 8), dtype=np.float32)
        images[:, 0, 0] = preds
        return images, np.array(labels, dtype=np.int64)

    loader = [batch([1, 2, 3, 4], [1, 2, 3, 4]), batch([0, 0, 0, 0], [5, 6, 7, 8]),
              batch([9, 9], [9, 9])]
    accs = []
    got = room.test(Probe(), loader, accs)
    if len(accs) != 1:
        fail(f"test(...) appended {len(accs)} items to test_accuracy_list, expected 1", kind="value")
    for name, value in (("returned", got), ("appended", accs[0])):
        if not isinstance(value, (float, int)) or isinstance(value, bool) or abs(value - 0.6) > 1e-9:
            fail(f"test(...) {name} {value!r}, expected 0.6 (6 of 10 examples right)", kind="value",
                 details="Count correct predictions over every batch and divide by the total "
                         "number of examples; the mean of per-batch accuracies (here 0.667) "
                         "overweights the short last batch.")
    if len(calls) != 3:
        fail(f"test(...) ran the model {len(calls)} times for 3 batches", kind="value")
    if any(calls):
        fail(f"{sum(calls)} of 3 forward passes in test() ran with gradient tracking on",
             kind="value", details="Evaluate inside `with NoGrad():`: no graph is needed.")


def test_learns_the_digits(room):
    """4 epochs of SGD (lr 0.1, batch 16) on 1438 digits: at least 80% of 359 held-out right."""
    (xtr, ytr), (xte, yte) = _digits()
    model = _mlp(room)
    optimizer = room.SGD(model.parameters(), LR)
    losses, accs = [], []
    for epoch in range(EPOCHS):
        progress(epoch, EPOCHS, f"epoch {epoch + 1} of {EPOCHS}")
        room.train(model, _loader(xtr, ytr, BATCH, seed=epoch), optimizer, epoch, losses)
        room.test(model, _loader(xte, yte, 64), accs)
    progress(EPOCHS, EPOCHS, "done")
    if losses:
        curve("training loss (your framework)", losses)
    with framework.NoGrad():
        logits = model(framework.Tensor(xte)).array
    acc = float((logits.argmax(-1) == yte).mean())
    note(f"held-out accuracy after {EPOCHS} epochs: {acc:.1%} "
         f"(your test() said {', '.join(f'{a:.1%}' for a in accs)})")
    if len(losses) < 20:
        fail(f"train_loss_list holds {len(losses)} losses after {EPOCHS} epochs of "
             f"{len(_loader(xtr, ytr, BATCH))} batches", kind="value")
    first, last = np.mean(losses[:10]), np.mean(losses[-20:])
    if acc < TARGET:
        fail(f"after {EPOCHS} epochs the MLP gets {acc:.1%} of the held-out digits right, "
             f"expected at least {TARGET:.0%} (loss {first:.2f} -> {last:.2f})", kind="value",
             details="Check the step: zero_grad, forward, mean cross-entropy, backward, step, "
                     "for every batch.")
