"""Cases for DCGANTrainer's steps: hand-checked losses, and parameters after each step
against an oracle trainer built from torch.optim.Adam, starting from identical copies."""

import copy

import torch
from torch import nn

from arena_dungeon.testing import as_number, assert_number_close, assert_tensor_close, fail

LATENT = 6


def _nets(seed=0):
    torch.manual_seed(seed)
    netG = nn.Sequential(nn.Linear(LATENT, 4 * 4 * 4), nn.Unflatten(1, (4, 4, 4)),
                         nn.BatchNorm2d(4), nn.ReLU(),
                         nn.ConvTranspose2d(4, 1, 4, stride=2, padding=1), nn.Tanh())
    netD = nn.Sequential(nn.Conv2d(1, 4, 4, stride=2, padding=1), nn.LeakyReLU(0.2),
                         nn.Flatten(), nn.Linear(4 * 4 * 4, 1), nn.Sigmoid(), nn.Flatten(0))
    return netG, netD


class _Oracle:
    def __init__(self, netG, netD):
        self.netG, self.netD = netG, netD
        self.optG = torch.optim.Adam(netG.parameters(), lr=2e-4, betas=(0.5, 0.999))
        self.optD = torch.optim.Adam(netD.parameters(), lr=2e-4, betas=(0.5, 0.999))

    def d_step(self, real, fake):
        self.optD.zero_grad()
        loss = -(torch.log(self.netD(real)).mean() + torch.log(1 - self.netD(fake.detach())).mean())
        loss.backward()
        self.optD.step()
        return loss.item()

    def g_step(self, fake):
        self.optG.zero_grad()
        loss = -torch.log(self.netD(fake)).mean()
        loss.backward()
        self.optG.step()
        return loss.item()


def _pair(room, seed=0):
    netG, netD = _nets(seed)
    theirs = _Oracle(copy.deepcopy(netG), copy.deepcopy(netD))
    mine = room.DCGANTrainer(netG, netD)
    return mine, theirs


def _batch(seed, n=8):
    g = torch.Generator().manual_seed(seed)
    return torch.rand(n, 1, 8, 8, generator=g) * 2 - 1, torch.randn(n, LATENT, generator=g)


def _same_params(got, expected, label):
    for (name, a), b in zip(got.named_parameters(), expected.parameters()):
        assert_tensor_close(a.detach(), b.detach(), call=f"{label}: parameter {name}",
                            atol=1e-6, rtol=1e-5)


def _loss(value, label):
    if isinstance(value, torch.Tensor) and value.numel() != 1:
        fail(f"{label} returned a tensor of shape {tuple(value.shape)}, expected a scalar loss "
             "(take the means)", kind="shape")
    if value is None:
        fail(f"{label} returned None, expected the loss", kind="type")
    return as_number(value, call=label)


class _FixedD(nn.Module):
    """D(x) = the mean of each image, times a weight initialised to 1."""

    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.ones(()))

    def forward(self, x):
        return x.flatten(1).mean(1) * self.w


def test_hand_checked_losses(room):
    """D_x = 0.8 and D_G_z = 0.4: lossD = -(ln 0.8 + ln 0.6) = 0.734, lossG = -ln 0.4 = 0.916."""
    netG = nn.Linear(1, 1)
    trainer = room.DCGANTrainer(netG, _FixedD())
    real, fake = torch.full((3, 1, 2, 2), 0.8), torch.full((3, 1, 2, 2), 0.4)
    lossD = _loss(trainer.training_step_discriminator(real, fake),
                  "training_step_discriminator")
    assert_number_close(lossD, 0.7340, call="lossD with D(real) = 0.8, D(fake) = 0.4", atol=1e-3)
    trainer = room.DCGANTrainer(netG, _FixedD())
    lossG = _loss(trainer.training_step_generator(fake), "training_step_generator")
    assert_number_close(lossG, 0.9163, call="lossG with D(fake) = 0.4", atol=1e-3)


def test_discriminator_step_matches_oracle(room):
    """One D step: the returned loss and netD's parameters afterwards equal the oracle's."""
    mine, theirs = _pair(room, seed=1)
    real, noise = _batch(2)
    got = _loss(mine.training_step_discriminator(real, mine.netG(noise)),
                "training_step_discriminator")
    expected = theirs.d_step(real, theirs.netG(noise))
    assert_number_close(got, expected, call="training_step_discriminator(img_real, img_fake)",
                        rtol=1e-5)
    _same_params(mine.netD, theirs.netD, "netD after one discriminator step")
    _same_params(mine.netG, theirs.netG, "netG after a discriminator step (should not change)")


def test_discriminator_with_batchnorm_sees_real_and_fake_apart(room):
    """A discriminator with BatchNorm (as in DCGAN): real and fake go through two separate
    calls, so each batch is normalised on its own statistics; parameters match the oracle."""
    netG, _ = _nets(seed=8)
    torch.manual_seed(9)
    netD = nn.Sequential(nn.Conv2d(1, 4, 4, stride=2, padding=1), nn.BatchNorm2d(4),
                         nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(4 * 4 * 4, 1), nn.Sigmoid(),
                         nn.Flatten(0))
    theirs = _Oracle(copy.deepcopy(netG), copy.deepcopy(netD))
    mine = room.DCGANTrainer(netG, netD)
    real, noise = _batch(10)
    got = _loss(mine.training_step_discriminator(real, mine.netG(noise)),
                "training_step_discriminator")
    expected = theirs.d_step(real, theirs.netG(noise))
    assert_number_close(got, expected, rtol=1e-5,
                        call="training_step_discriminator with a BatchNorm discriminator "
                             "(one call on real and fake together mixes their statistics)")
    _same_params(mine.netD, theirs.netD, "netD (with BatchNorm) after one discriminator step")


def test_discriminator_step_leaves_the_generator_alone(room):
    """After a D step the generator's parameters have no gradient: the fake image was detached."""
    mine, _ = _pair(room, seed=3)
    real, noise = _batch(4)
    mine.training_step_discriminator(real, mine.netG(noise))
    touched = [n for n, p in mine.netG.named_parameters()
               if p.grad is not None and p.grad.abs().sum() > 0]
    if touched:
        fail(f"after training_step_discriminator, netG's parameters {touched[:3]} hold "
             "gradients", kind="value",
             details="lossD.backward() went back through the generator: use img_fake.detach() "
                     "in the discriminator step.")


def test_generator_step_matches_oracle(room):
    """One G step: the returned loss and netG's parameters equal the oracle's; netD is unchanged."""
    mine, theirs = _pair(room, seed=5)
    _, noise = _batch(6)
    got = _loss(mine.training_step_generator(mine.netG(noise)), "training_step_generator")
    expected = theirs.g_step(theirs.netG(noise))
    assert_number_close(got, expected, call="training_step_generator(img_fake)",
                        rtol=1e-5)
    _same_params(mine.netG, theirs.netG, "netG after one generator step")
    _same_params(mine.netD, theirs.netD, "netD after a generator step (should not change)")


def test_alternating_steps_match_oracle(room):
    """Three rounds of (D step, G step) on the same fake batch each round, as in training."""
    mine, theirs = _pair(room, seed=7)
    for r in range(3):
        real, noise = _batch(10 + r)
        fake_m, fake_t = mine.netG(noise), theirs.netG(noise)
        mine.training_step_discriminator(real, fake_m)
        theirs.d_step(real, fake_t)
        try:
            mine.training_step_generator(fake_m)
        except RuntimeError as e:
            if "second time" not in str(e):
                raise
            fail(f"round {r + 1}: the generator step could not backpropagate through the fake "
                 "batch: the discriminator step already went through (and freed) the "
                 "generator's graph", kind="value",
                 details="Detach img_fake in training_step_discriminator, so its backward "
                         "stops at the image.")
        theirs.g_step(fake_t)
        _same_params(mine.netD, theirs.netD, f"netD after round {r + 1}")
        _same_params(mine.netG, theirs.netG, f"netG after round {r + 1}")
