"""Cases for DCGANTrainer.train: a small instrumented run (what the loop feeds each step,
in which order, with which noise), seeding, and a ~1 s run on the 8x8 digits in which the
generator's samples must move toward the digits' statistics while both losses stay in a
healthy band."""

import copy
from types import SimpleNamespace

import torch
from torch import nn

from arena_dungeon.testing import (curve, describe, fail, fresh_seed, load_asset_module, note,
                                   progress, show_picture)

ref = load_asset_module(__file__, "reference")


def _nets(latent, seed=0):
    """A small DCGAN for 8x8 images: 2x2 -> 4x4 -> 8x8 and back."""
    torch.manual_seed(seed)
    netG = nn.Sequential(
        nn.Linear(latent, 32 * 2 * 2, bias=False), nn.Unflatten(1, (32, 2, 2)),
        nn.BatchNorm2d(32), nn.ReLU(),
        nn.ConvTranspose2d(32, 16, 4, stride=2, padding=1, bias=False), nn.BatchNorm2d(16),
        nn.ReLU(), nn.ConvTranspose2d(16, 1, 4, stride=2, padding=1, bias=False), nn.Tanh())
    netD = nn.Sequential(
        nn.Conv2d(1, 16, 4, stride=2, padding=1, bias=False), nn.LeakyReLU(0.2),
        nn.Conv2d(16, 32, 4, stride=2, padding=1, bias=False), nn.BatchNorm2d(32),
        nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(32 * 2 * 2, 1, bias=False), nn.Sigmoid(),
        nn.Flatten(0))
    return netG, netD


def _snapshot(net):
    return [p.detach().clone() for p in net.parameters()]


def _same(net, snap):
    return all(torch.equal(p.detach(), s) for p, s in zip(net.parameters(), snap))


def _losses(out, label="train(images)"):
    """The (lossesD, lossesG) pair as two lists of plain floats, or a learner-worded failure."""
    if not (isinstance(out, tuple) and len(out) == 2 and all(isinstance(x, list) for x in out)):
        fail(f"{label} returned {describe(out)}, expected a tuple (lossesD, lossesG) of two "
             "lists", kind="type")
    for name, xs in zip(("lossesD", "lossesG"), out):
        bad = [v for v in xs if not isinstance(v, float)]
        if bad:
            fail(f"{name} holds {describe(bad[0])}; expected plain floats (loss.item())",
                 kind="type", details="A loss tensor kept in a list keeps its whole graph alive.")
    return out


class _Recorder:
    """Wraps a trainer's steps and its generator to log what the loop does, in order."""

    def __init__(self, trainer):
        self.events, self.noises, self.reals = [], [], []
        self.trainer = trainer
        self.last_fake = None
        trainer.netG.register_forward_hook(self._on_generate)
        d_step, g_step = trainer.training_step_discriminator, trainer.training_step_generator
        trainer.training_step_discriminator = lambda real, fake: self._d(d_step, real, fake)
        trainer.training_step_generator = lambda fake: self._g(g_step, fake)

    def _on_generate(self, module, inputs, output):
        self.events.append(("G", len(inputs[0])))
        self.noises.append(inputs[0].detach().clone())
        self.last_fake = output

    def _d(self, step, real, fake):
        self.events.append(("D", len(real), len(fake), fake is self.last_fake))
        self.reals.append(real.detach().flatten(1).sum(1))
        g_before = _snapshot(self.trainer.netG)
        out = step(real, fake)
        if not _same(self.trainer.netG, g_before):
            fail("training_step_discriminator changed netG's parameters", kind="value",
                 details="Only optD steps in the discriminator step (paste your step from "
                         "gan-training-steps unchanged).")
        return out

    def _g(self, step, fake):
        self.events.append(("Gstep", len(fake), fake is self.last_fake))
        if not fake.requires_grad:
            fail("the fake batch given to training_step_generator is cut from the generator's "
                 "graph (requires_grad is False), so the generator cannot learn from it",
                 kind="value", details="Make img_fake = netG(noise) with autograd on and no "
                                       ".detach() in the loop: the discriminator step detaches "
                                       "its own copy.")
        d_before = _snapshot(self.trainer.netD)
        out = step(fake)
        if not _same(self.trainer.netD, d_before):
            fail("training_step_generator changed netD's parameters", kind="value",
                 details="Only optG steps in the generator step.")
        return out


_SMALL = {}


def _small_run(room):
    """200 random 8x8 'images', 2 epochs of batches of 64 (the last batch of each epoch has 8)."""
    if "run" in _SMALL:
        return _SMALL["run"]
    args = room.DCGANArgs(epochs=2)
    images = torch.rand(200, 1, 8, 8, generator=torch.Generator().manual_seed(fresh_seed(5))) * 2 - 1
    netG, netD = _nets(args.latent_dim_size, seed=1)
    trainer = room.DCGANTrainer(netG, netD, args)
    rec = _Recorder(trainer)
    out = trainer.train(images.clone())
    _SMALL["run"] = SimpleNamespace(args=args, images=images, rec=rec, out=out)
    return _SMALL["run"]


def test_each_batch_one_fake_then_d_step_then_g_step(room):
    """Per batch: netG makes one fake batch the size of the real one; the D step gets it, then the G step."""
    run = _small_run(room)
    sizes = [64, 64, 64, 8] * run.args.epochs
    expected = []
    for n in sizes:
        expected += [("G", n), ("D", n, n, True), ("Gstep", n, True)]
    got = run.rec.events
    for i, (g, e) in enumerate(zip(got + [None] * len(expected), expected)):
        if g != e:
            batch = i // 3 + 1
            lines = "\n".join(f"  {_say(x)}" for x in got[max(0, i - 3):i + 3])
            fail(f"at batch {batch} (real batch of {sizes[batch - 1]}), the loop did "
                 f"{_say(g)}, expected {_say(e)}", kind="value",
                 details="Each batch: noise (len(img_real), latent) -> img_fake = netG(noise) "
                         "-> training_step_discriminator(img_real, img_fake) -> "
                         "training_step_generator(img_fake), the same img_fake.\n"
                         "What happened around there:\n" + lines)
    if len(got) != len(expected):
        fail(f"the loop did {len(got)} things, expected {len(expected)}: {_say(got[len(expected)])} "
             "after the last batch", kind="value")


def _say(event):
    if event is None:
        return "nothing more"
    if event[0] == "G":
        return f"netG(noise) on {event[1]} noise vectors"
    if event[0] == "D":
        same = "the fake batch netG just made" if event[3] else "a fake batch that is not netG's latest output"
        return f"a discriminator step on {event[1]} real and {event[2]} fake images ({same})"
    same = "the fake batch netG just made" if event[2] else "a fake batch that is not netG's latest output"
    return f"a generator step on {event[1]} fake images ({same})"


def test_noise_is_fresh_and_standard_normal(room):
    """Each batch draws new noise, and the noise pooled over the run looks like N(0, 1)."""
    run = _small_run(room)
    noises = run.rec.noises
    if len(noises) < 2:
        fail(f"netG was called {len(noises)} times, expected once per batch", kind="value")
    for i in range(1, len(noises)):
        a, b = noises[i - 1], noises[i]
        n = min(len(a), len(b))
        if torch.equal(a[:n], b[:n]):
            fail(f"batches {i} and {i + 1} fed netG the same noise", kind="value",
                 details="Draw t.randn(len(img_real), args.latent_dim_size) inside the batch "
                         "loop, so every batch gets new fakes.")
    pooled = torch.cat(noises)
    mean, std = pooled.mean().item(), pooled.std().item()
    if abs(mean) > 0.1 or not 0.9 < std < 1.1:
        fail(f"the noise fed to netG has mean {mean:.3f} and std {std:.3f}, expected about 0 "
             "and 1 (a standard normal)", kind="value",
             details="t.randn draws N(0, 1); t.rand draws uniformly from [0, 1).")


def test_every_image_every_epoch_shuffled(room):
    """Each epoch shows the discriminator all 200 real images once, in a new order."""
    run = _small_run(room)
    seen = torch.cat(run.rec.reals) if run.rec.reals else torch.zeros(0)
    n = len(run.images)
    if len(seen) != run.args.epochs * n:
        fail(f"the discriminator saw {len(seen)} real images in all, expected "
             f"{run.args.epochs * n} ({n} images x {run.args.epochs} epochs)", kind="value")
    epochs = seen.reshape(run.args.epochs, n)
    if torch.equal(epochs[0], epochs[1]):
        fail("both epochs fed the real images in the same order", kind="value",
             details="DataLoader(..., shuffle=True) draws a new order each time you iterate it.")


def test_one_float_loss_of_each_per_batch(room):
    """train returns (lossesD, lossesG): two lists of plain floats, one of each per batch."""
    run = _small_run(room)
    lossesD, lossesG = _losses(run.out)
    steps = len(run.rec.reals)
    if len(lossesD) != steps or len(lossesG) != steps:
        fail(f"train returned {len(lossesD)} and {len(lossesG)} losses for {steps} batches, "
             "expected one of each per batch", kind="shape")


def test_seeded_runs_repeat(room):
    """Two runs from the same weights and args.seed give the same losses; another seed does not."""
    images = torch.rand(96, 1, 8, 8, generator=torch.Generator().manual_seed(fresh_seed(7))) * 2 - 1
    results = []
    for global_seed, seed in [(11, 3), (22, 3), (33, 4)]:
        args = room.DCGANArgs(epochs=1, batch_size=32, seed=seed)
        netG, netD = _nets(args.latent_dim_size, seed=2)
        torch.manual_seed(global_seed)  # whatever state the caller left behind
        results.append(_losses(room.DCGANTrainer(netG, netD, args).train(images.clone())))
    if results[0] != results[1]:
        fail("two runs with the same starting weights and args.seed = 3 gave different losses "
             f"(lossD at step 1: {results[0][0][0]:.5f} vs {results[1][0][0]:.5f})",
             kind="value", details="Start train with t.manual_seed(self.args.seed): the "
                                   "shuffling and the noise then repeat from run to run.")
    if results[0] == results[2]:
        fail("runs with args.seed = 3 and args.seed = 4 gave identical losses", kind="value",
             details="Seed with self.args.seed, not a constant.")


def test_generator_learns_digit_statistics(room):
    """After ~1 s on the 1,797 digits, samples sit far closer to the digits' mean image, losses healthy."""
    args = room.DCGANArgs()
    digits = ref.digits_8(__file__)
    netG, netD = _nets(args.latent_dim_size, seed=0)
    total = args.epochs * -(-len(digits) // args.batch_size)
    calls = [0]

    def tick(*_):
        calls[0] += 1
        progress(min(calls[0], total), total, f"training step {calls[0]}")

    netG.register_forward_hook(tick)
    target = digits.mean(0)

    def distance():
        with torch.no_grad():
            g = torch.Generator().manual_seed(123)
            samples = copy.deepcopy(netG)(torch.randn(512, args.latent_dim_size, generator=g))
        return ((samples.mean(0) - target) ** 2).mean().sqrt().item(), samples

    before, _ = distance()
    lossesD, lossesG = _losses(room.DCGANTrainer(netG, netD, args).train(digits.clone()))
    after, samples = distance()
    if len(lossesD) < 40 or len(lossesG) < 40:
        fail(f"train returned {len(lossesD)} and {len(lossesG)} losses, expected {total} of each",
             kind="shape")
    curve("discriminator loss", lossesD)
    curve("generator loss", lossesG)
    big = [x[:, 0].repeat_interleave(2, 1).repeat_interleave(2, 2)  # 8x8 -> 16x16
           for x in (digits[:4], samples[:8])]
    rows = [torch.cat(list(b[i:i + 4]), dim=1) for b in big for i in range(0, len(b), 4)]
    show_picture(((torch.cat(rows, dim=0) + 1) / 2).clamp(0, 1),
                 "row 1: real digits; rows 2-3: your generator's samples after ~1 s")
    lastD, lastG = sum(lossesD[-20:]) / 20, sum(lossesG[-20:]) / 20
    note(f"samples' mean image is {before:.3f} from the digits' (RMS) before training, "
         f"{after:.3f} after; last 20 steps: lossD {lastD:.2f}, lossG {lastG:.2f}")
    if not after < 0.6 * before:
        fail(f"the generator's mean image moved from {before:.3f} to {after:.3f} (RMS distance "
             "to the digits' mean image); expected it to close at least 40% of the gap",
             kind="value", details="The generator must be stepped on every batch, on a fake "
                                   "batch still attached to its graph.")
    if not 0.3 < lastD < 2.0:
        verdict = "winning outright" if lastD <= 0.3 else "losing badly"
        fail(f"the discriminator's loss over the last 20 steps is {lastD:.2f}: it is {verdict} "
             "(expected between 0.3 and 2.0, a game still being played)", kind="value")
