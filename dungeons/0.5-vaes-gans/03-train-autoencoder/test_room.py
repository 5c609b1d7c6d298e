"""Cases for AutoencoderTrainer: one step against an oracle step from identical copies,
evaluate on random images, then a ~1.5 s training run on the digits (run once, shared by
the cases): bookkeeping, shuffled coverage of the data, and the held-out reconstruction
error, with a picture."""

import copy
import math
from types import SimpleNamespace

import torch
import torch.nn.functional as F

from arena_dungeon.testing import (as_number, assert_number_close, assert_shape,
                                   assert_tensor_close, curve, describe, fail, fresh_seed,
                                   load_asset_module, note, progress, show_picture)

ref = load_asset_module(__file__, "reference")
TARGET = 0.032


def _model(room, seed=0):
    args = room.AutoencoderArgs()
    torch.manual_seed(seed)
    return args, ref.RefAutoencoder(args.latent_dim_size, args.hidden_dim_size)


def test_training_step_matches_oracle(room):
    """Two training steps (same weights, SGD): the losses and parameters equal an oracle's."""
    args, model = _model(room)
    oracle = copy.deepcopy(model)
    opt = torch.optim.SGD(oracle.parameters(), lr=0.05)
    trainer = room.AutoencoderTrainer(model, args)
    # Plain SGD on both sides: its update is proportional to the gradient, so any
    # difference in the loss or its gradient shows in the parameters.
    trainer.optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    g = torch.Generator().manual_seed(fresh_seed(1))
    for step in range(2):
        img = torch.rand(8, 1, 28, 28, generator=g)
        got = trainer.training_step(img)
        if not isinstance(got, torch.Tensor) or got.numel() != 1:
            fail(f"training_step(img) returned {describe(got)}, expected the scalar loss tensor",
                 kind="type")
        loss = F.mse_loss(oracle(img), img)
        opt.zero_grad()
        loss.backward()
        opt.step()
        assert_number_close(as_number(got), loss.item(), rtol=1e-4,
                            call=f"training_step(img) loss at step {step + 1}")
        for (name, a), b in zip(model.named_parameters(), oracle.parameters()):
            assert_tensor_close(a.detach(), b.detach(), atol=1e-6, rtol=1e-4,
                                call=f"parameter {name} after training step {step + 1}")


def test_evaluate_reconstructs_without_a_graph(room):
    """evaluate(img) equals model(img), builds no graph, and leaves the weights and grads alone."""
    args, model = _model(room, seed=2)
    trainer = room.AutoencoderTrainer(model, args)
    img = torch.rand(6, 1, 28, 28, generator=torch.Generator().manual_seed(fresh_seed(3)))
    before = [p.detach().clone() for p in model.parameters()]
    with torch.no_grad():
        expected = model(img)
    got = trainer.evaluate(img.clone())
    assert_shape(got, (6, 1, 28, 28), call="evaluate(img) with img (6, 1, 28, 28)",
                 dims="n 1 28 28")
    if got.requires_grad:
        fail("evaluate(img) returned a tensor that requires grad: autograd recorded the "
             "whole forward pass for nothing", kind="value",
             details="Run the forward pass under torch.inference_mode() (a decorator on the "
                     "method, or a with block).")
    assert_tensor_close(got, expected, call="evaluate(img)", atol=1e-6, dims="n 1 28 28")
    for (name, p), b in zip(model.named_parameters(), before):
        if not torch.equal(p.detach(), b) or p.grad is not None:
            fail(f"evaluate(img) changed parameter {name} or left a gradient on it",
                 kind="value", details="evaluate only looks: no loss, no backward, no step.")


class _Counting(ref.RefAutoencoder):
    """The reference autoencoder, recording the batches it trains on and reporting progress."""

    def __init__(self, *a, total):
        super().__init__(*a)
        self.batches, self.total = [], total

    def forward(self, x):
        if torch.is_grad_enabled():
            self.batches.append(x.detach().flatten(1).sum(1))
            progress(min(len(self.batches), self.total), self.total,
                     f"training step {len(self.batches)}")
        return super().forward(x)


_RUN = {}


def _run(room):
    if "run" in _RUN:
        return _RUN["run"]
    args = room.AutoencoderArgs()
    train, held_out, labels = ref.digits_28(__file__)
    per_epoch = math.ceil(len(train) / args.batch_size)
    torch.manual_seed(0)
    model = _Counting(args.latent_dim_size, args.hidden_dim_size, total=args.epochs * per_epoch)
    trainer = room.AutoencoderTrainer(model, args)
    losses = trainer.train(train.clone())
    _RUN["run"] = SimpleNamespace(args=args, model=model, trainer=trainer, losses=losses,
                                  train=train, held_out=held_out, labels=labels,
                                  per_epoch=per_epoch)
    return _RUN["run"]


def test_one_loss_per_step(room):
    """train returns one plain float per optimiser step: 4 epochs x 45 batches."""
    run = _run(room)
    if not isinstance(run.losses, list):
        fail(f"train(images) returned {describe(run.losses)}, expected a list of floats",
             kind="type")
    steps = run.args.epochs * run.per_epoch
    if len(run.losses) != steps:
        fail(f"train returned {len(run.losses)} losses, expected {steps} ({run.args.epochs} "
             f"epochs x {run.per_epoch} batches of {run.args.batch_size}, the last one "
             "smaller)", kind="shape")
    bad = [v for v in run.losses if not isinstance(v, float)]
    if bad:
        fail(f"the list holds {describe(bad[0])}; expected plain floats (loss.item())",
             kind="type", details="A loss tensor kept in a list keeps its whole graph alive.")


def test_every_image_every_epoch_shuffled(room):
    """Each epoch sees all 1,438 training images once, in a new order."""
    run = _run(room)
    seen = torch.cat(run.model.batches) if run.model.batches else torch.zeros(0)
    expected = run.args.epochs * len(run.train)
    if len(seen) != expected:
        fail(f"the model was trained on {len(seen)} images in all, expected {expected} "
             f"({len(run.train)} images x {run.args.epochs} epochs)", kind="value",
             details="Loop over every batch of the DataLoader in every epoch, with "
                     "batch_size=args.batch_size, and call training_step once per batch.")
    epochs = seen.reshape(run.args.epochs, len(run.train))
    if all(torch.equal(epochs[0], e) for e in epochs[1:]):
        fail("every epoch fed the images in the same order", kind="value",
             details="Shuffle the batches: DataLoader(..., shuffle=True) draws a new order "
                     "each time you iterate it.")


def test_reconstructs_held_out_digits(room):
    """evaluate on the 359 held-out digits gives a mean squared error below 0.032."""
    run = _run(room)
    if isinstance(run.losses, list) and run.losses:
        curve("training loss (reconstruction MSE)", [float(v) for v in run.losses])
    rec = run.trainer.evaluate(run.held_out.clone())
    assert_shape(rec, tuple(run.held_out.shape), call="evaluate(held_out)", dims="n 1 28 28")
    mse = F.mse_loss(rec, run.held_out).item()
    baseline = ((run.held_out - run.train.mean(0)) ** 2).mean().item()
    picks = [int((run.labels == d).nonzero()[0]) for d in range(10)]
    small = [F.avg_pool2d(r[picks], 2)[:, 0].clamp(0, 1) for r in (run.held_out, rec)]
    rows = [torch.cat(list(r[i:i + 5]), dim=1) for i in (0, 5) for r in small]
    show_picture(torch.cat(rows, dim=0), "rows 1-2: held-out digits 0-4 and their "
                 "reconstructions through 5 numbers; rows 3-4: digits 5-9 and theirs")
    note(f"held-out reconstruction MSE {mse:.4f} (the average digit scores {baseline:.4f})")
    if mse >= TARGET:
        fail(f"the trained autoencoder reconstructs held-out digits with MSE {mse:.4f}, "
             f"expected below {TARGET} (the average digit alone scores {baseline:.4f})",
             kind="value", details="Check the step (zero_grad, backward, step every batch) "
                                   "and that every epoch goes over every batch.")
