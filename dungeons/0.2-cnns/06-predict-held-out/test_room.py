"""Cases for predict: a hand-checked table model, eval mode and no gradients on every batch,
every image once in batches of batch_size, and a trained digits model on the held-out set.

The models record, for every forward call, the batch size, whether the model was in train
mode and whether gradients were being tracked.
"""

from pathlib import Path

import numpy as np
import torch
from torch import nn

from arena_dungeon.testing import fresh_seed, assert_tensor_equal, call, fail, note

ASSET = Path(__file__).resolve().parent.parent / "assets" / "digits.npz"


class _Recorder(nn.Module):
    """A module that records each forward call."""

    def __init__(self):
        super().__init__()
        self.calls = []

    def record(self, x):
        self.calls.append({"n": len(x), "training": self.training, "grad": torch.is_grad_enabled()})


class _TableModel(_Recorder):
    """Logits are the first 10 pixels of each image, plus a learnable 0 (so it has a parameter)."""

    def __init__(self):
        super().__init__()
        self.zero = nn.Parameter(torch.zeros(10))

    def forward(self, x):
        self.record(x)
        return x.reshape(len(x), -1)[:, :10] + self.zero


class _DigitsMLP(_Recorder):
    """Flatten -> Linear(64, 64) -> ReLU -> Dropout(0.5) -> Linear(64, 10)."""

    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Flatten(), nn.Linear(64, 64), nn.ReLU(), nn.Dropout(0.5),
                                 nn.Linear(64, 10))

    def forward(self, x):
        self.record(x)
        return self.net(x)


def _data():
    """The split of the train-mlp room: 1,438 digits to train on, 359 held out."""
    with np.load(ASSET) as f:
        images = torch.tensor(f["images"], dtype=torch.float32) / 16.0
        labels = torch.tensor(f["labels"], dtype=torch.int64)
    perm = torch.randperm(len(images), generator=torch.Generator().manual_seed(fresh_seed(0)))
    n_test = len(images) // 5
    return (images[perm[n_test:]], labels[perm[n_test:]]), (images[perm[:n_test]], labels[perm[:n_test]])


_TRAINED = {}


def _trained():
    """A dropout MLP trained by 60 full-batch gradient steps (once per session), left in train mode."""
    if "model" not in _TRAINED:
        (xtr, ytr), held_out = _data()
        torch.manual_seed(fresh_seed(0))
        model = _DigitsMLP()
        for _ in range(60):
            loss = nn.functional.cross_entropy(model(xtr), ytr)
            model.zero_grad()
            loss.backward()
            with torch.no_grad():
                for p in model.parameters():
                    p -= 1.0 * p.grad
        model.calls.clear()
        _TRAINED.update(model=model, held_out=held_out)
    model = _TRAINED["model"]
    model.train()
    model.calls.clear()
    return model, _TRAINED["held_out"]


def _oracle(model, images):
    model.eval()
    with torch.no_grad():
        out = nn.Sequential.forward(model.net, images).argmax(dim=-1)
    model.train()
    return out


def _images(n, seed):
    return torch.rand((n, 8, 8), generator=torch.Generator().manual_seed(seed))


def test_three_images_hand_checked(room):
    """A model whose logits are each image's first 10 pixels: the brightest of them is the label."""
    images = torch.zeros(3, 8, 8)
    images[0, 0, 3] = 0.9   # pixel 3
    images[1, 0, 7] = 0.5   # pixel 7
    images[2, 0, 0] = 0.2   # pixel 0
    images[2, 1, 5] = 1.0   # pixel 13: not one of the logits
    got = call(room.predict, _TableModel(), images, 64)
    assert_tensor_equal(got, torch.tensor([3, 7, 0]), call="predict(table model, 3 images, 64)", dims="n")


def test_eval_mode_for_every_batch(room):
    """The model arrives in train mode; every forward pass must run in eval mode (model.eval())."""
    model, (x, _) = _trained()
    call(room.predict, model, x[:100], 32)
    if not model.calls:
        fail("predict never called the model", kind="value")
    in_train = sum(c["training"] for c in model.calls)
    if in_train:
        fail(f"{in_train} of {len(model.calls)} forward passes ran in train mode", kind="value",
             details="Call model.eval() before predicting: dropout (in this model) and batch norm "
                     "behave differently in train mode, and dropout makes predictions random.")


def test_no_gradients_tracked(room):
    """Every forward pass runs under torch.inference_mode() (or no_grad): nothing to train here."""
    model, (x, _) = _trained()
    call(room.predict, model, x[:100], 32)
    tracked = sum(c["grad"] for c in model.calls)
    if tracked:
        fail(f"{tracked} of {len(model.calls)} forward passes tracked gradients", kind="value",
             details="Wrap the loop in `with t.inference_mode():` so no autograd graph is built: "
                     "faster, less memory, and the predictions don't hold on to the model.")


def test_every_image_once_in_batches(room):
    """150 images in batches of 64: calls of 64, 64 and 22 images in order, every image predicted;
    then a single image with a batch size larger than the set."""
    model = _TableModel()
    images = _images(150, 1)
    got = call(room.predict, model, images, 64)
    sizes = [c["n"] for c in model.calls]
    if sizes != [64, 64, 22]:
        fail(f"predict(model, 150 images, batch_size=64) called the model on batches of {sizes}, "
             "expected [64, 64, 22]", kind="value",
             details="One forward pass per batch of batch_size images, in order: step through "
                     "the images with range(0, len(images), batch_size); slicing past the end "
                     "gives the shorter last batch.")
    assert_tensor_equal(got, images.reshape(150, -1)[:, :10].argmax(dim=-1),
                        call="predict(table model, 150 images, 64)", dims="n")
    one = _images(1, 2)
    assert_tensor_equal(call(room.predict, _TableModel(), one, 64),
                        one.reshape(1, -1)[:, :10].argmax(dim=-1),
                        call="predict(table model, 1 image, 64)", dims="n")


def test_trained_model_on_held_out_digits(room):
    """A dropout MLP trained on 1,438 digits: the same predictions on the 359 held-out ones as
    eval mode without gradients (at least 90% of them right)."""
    model, (x, y) = _trained()
    expected = _oracle(model, x)
    got = call(room.predict, model, x, 64)
    assert_tensor_equal(got, expected, call="predict(trained model, 359 held-out digits, 64)", dims="n")
    acc = (got == y).float().mean().item()
    note(f"held-out accuracy {acc:.1%} ({int((got == y).sum())} of {len(y)} digits)")
    if acc < 0.9:
        fail(f"test setup: the trained model gets only {acc:.1%} of the held-out digits", kind="harness")
