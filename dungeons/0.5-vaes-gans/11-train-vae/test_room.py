"""Cases for VAETrainer: one step against an oracle step from identical copies, then a
~2 s training run on the digits (run once, shared by the cases): bookkeeping, coverage of
the data, and the held-out reconstruction error, with pictures."""

import copy
import math
from types import SimpleNamespace

import torch
import torch.nn.functional as F

from arena_dungeon.testing import (as_number, assert_number_close, assert_tensor_close, curve,
                                   describe, fail, load_asset_module, note, progress,
                                   show_picture)

ref = load_asset_module(__file__, "reference")
TARGET = 0.032


def _args(room, **kw):
    return room.VAEArgs(**kw)


def _oracle_step(model, opt, img, beta):
    rec, mu, logsigma = model(img)
    kl = torch.distributions.kl_divergence(torch.distributions.Normal(mu, logsigma.exp()),
                                           torch.distributions.Normal(0.0, 1.0)).mean()
    loss = F.mse_loss(rec, img) + beta * kl
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()


def test_training_step_matches_oracle(room):
    """Two training steps (same seeds, same weights, SGD): the losses and parameters equal an oracle's."""
    args = _args(room, beta_kl=0.5)
    torch.manual_seed(0)
    model = ref.RefVAE(args.latent_dim_size, args.hidden_dim_size)
    oracle = copy.deepcopy(model)
    opt = torch.optim.SGD(oracle.parameters(), lr=0.05)
    trainer = room.VAETrainer(model, args)
    # Plain SGD on both sides: its update is proportional to the gradient, so any
    # difference in the loss's gradient shows in the parameters.
    trainer.optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    g = torch.Generator().manual_seed(1)
    for step in range(2):
        img = torch.rand(8, 1, 28, 28, generator=g)
        torch.manual_seed(10 + step)
        got = trainer.training_step(img)
        if not isinstance(got, torch.Tensor) or got.numel() != 1:
            fail(f"training_step(img) returned {describe(got)}, expected the scalar loss tensor",
                 kind="type")
        torch.manual_seed(10 + step)
        expected = _oracle_step(oracle, opt, img, args.beta_kl)
        assert_number_close(as_number(got), expected,
                            call=f"training_step(img) loss at step {step + 1} (beta_kl=0.5)",
                            rtol=1e-4)
        for (name, a), b in zip(model.named_parameters(), oracle.parameters()):
            assert_tensor_close(a.detach(), b.detach(), atol=1e-6, rtol=1e-4,
                                call=f"parameter {name} after training step {step + 1}")


class _Counting(ref.RefVAE):
    """The reference VAE, counting the images it sees in train mode and reporting progress."""

    def __init__(self, *a, total):
        super().__init__(*a)
        self.seen, self.calls, self.total = 0, 0, total
        self.batches = []

    def forward(self, x):
        if torch.is_grad_enabled():
            self.seen += len(x)
            self.batches.append(x.detach().flatten(1).sum(1))
            self.calls += 1
            progress(min(self.calls, self.total), self.total, f"training step {self.calls}")
        return super().forward(x)


_RUN = {}


def _run(room):
    if "run" in _RUN:
        return _RUN["run"]
    args = room.VAEArgs()
    train, held_out, labels = ref.digits_28(__file__)
    steps = args.epochs * math.ceil(len(train) / args.batch_size)
    torch.manual_seed(0)
    model = _Counting(args.latent_dim_size, args.hidden_dim_size, total=steps)
    trainer = room.VAETrainer(model, args)
    losses = trainer.train(train.clone())
    _RUN["run"] = SimpleNamespace(args=args, model=model, losses=losses, train=train,
                                  held_out=held_out, labels=labels, steps=steps)
    return _RUN["run"]


def test_one_loss_per_step(room):
    """train returns one plain float per optimiser step: 6 epochs x 45 batches."""
    run = _run(room)
    if not isinstance(run.losses, list):
        fail(f"train(images) returned {describe(run.losses)}, expected a list of floats",
             kind="type")
    if len(run.losses) != run.steps:
        fail(f"train returned {len(run.losses)} losses, expected {run.steps} "
             f"({run.args.epochs} epochs x {math.ceil(len(run.train) / run.args.batch_size)} "
             f"batches of {run.args.batch_size}, the last one smaller)", kind="shape")
    bad = [v for v in run.losses if not isinstance(v, float)]
    if bad:
        fail(f"the list holds {describe(bad[0])}; expected plain floats (loss.item())",
             kind="type")


def test_every_image_every_epoch(room):
    """The model saw each of the 1,438 training images once per epoch (batches cover the data)."""
    run = _run(room)
    expected = run.args.epochs * len(run.train)
    if run.model.seen != expected:
        fail(f"the model was trained on {run.model.seen} images in all, expected {expected} "
             f"({len(run.train)} images x {run.args.epochs} epochs)", kind="value",
             details="Loop over every batch of the DataLoader in every epoch, with "
                     "batch_size=args.batch_size, and call training_step once per batch.")


def test_batches_reshuffled_each_epoch(room):
    """The images come in a new order every epoch (the brief's shuffled batches)."""
    run = _run(room)
    seen = torch.cat(run.model.batches) if run.model.batches else torch.zeros(0)
    if len(seen) != run.args.epochs * len(run.train):
        fail(f"the model was trained on {len(seen)} images, expected "
             f"{run.args.epochs * len(run.train)}: one pass over the data per epoch", kind="value")
    epochs = seen.reshape(run.args.epochs, len(run.train))
    if all(torch.equal(epochs[0], e) for e in epochs[1:]):
        fail(f"all {run.args.epochs} epochs fed the images in the same order", kind="value",
             details="Shuffle the batches: DataLoader(..., shuffle=True) draws a new order "
                     "each time you iterate it.")
    if torch.equal(epochs[0], run.train.flatten(1).sum(1)):
        fail("the first epoch fed the images in their stored order: the batches were not "
             "shuffled", kind="value")


def test_reconstructs_held_out_digits(room):
    """Decoding mu of the 359 held-out digits gives a mean squared error below 0.032."""
    run = _run(room)
    if isinstance(run.losses, list) and run.losses:
        curve("training loss (MSE + beta_kl * KL)", [float(v) for v in run.losses])
    model = run.model
    model.eval()
    with torch.no_grad():
        mu, _ = model.encoder(run.held_out)
        rec = model.decoder(mu)
        mse = F.mse_loss(rec, run.held_out).item()
        baseline = ((run.held_out - run.train.mean(0)) ** 2).mean().item()
        torch.manual_seed(0)
        dreams = model.decoder(torch.randn(10, run.args.latent_dim_size))
    picks = [int((run.labels == d).nonzero()[0]) for d in range(10)]
    small = [F.avg_pool2d(r, 2)[:, 0].clamp(0, 1) for r in (run.held_out[picks], rec[picks], dreams)]
    strips = [torch.cat(list(r[i:i + 5]), dim=1) for i in (0, 5) for r in small[:2]]
    strips += [torch.cat(list(small[2][i:i + 5]), dim=1) for i in (0, 5)]
    show_picture(torch.cat(strips, dim=0), "rows 1-4: held-out digits 0-4, their reconstructions, "
                 "digits 5-9, theirs; rows 5-6: decoded from random z ~ N(0, 1)")
    note(f"held-out reconstruction MSE {mse:.4f} (the average digit scores {baseline:.4f})")
    if mse >= TARGET:
        fail(f"the trained VAE reconstructs held-out digits with MSE {mse:.4f}, expected "
             f"below {TARGET} (the average digit alone scores {baseline:.4f})", kind="value",
             details="Check the step (zero_grad, backward, step every batch), that the loss uses "
                     "args.beta_kl, and that the KL term is a mean, not a sum.")


def test_loss_falls(room):
    """The mean loss of the last 20 steps is well below that of the first 20."""
    run = _run(room)
    losses = [float(v) for v in run.losses] if isinstance(run.losses, list) else []
    if len(losses) < 40:
        fail(f"train returned {len(losses)} losses, too few to judge", kind="shape")
    first, last = sum(losses[:20]) / 20, sum(losses[-20:]) / 20
    if not last < 0.6 * first:
        fail(f"the loss went from {first:.4f} (first 20 steps) to {last:.4f} (last 20); "
             "expected it to fall by at least 40%", kind="value")
