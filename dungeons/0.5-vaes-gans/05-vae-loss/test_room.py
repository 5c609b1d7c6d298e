"""Cases for vae_loss: hand-checked KL values, the beta weight, a random batch against
torch.distributions and F.mse_loss, gradients, and no mutation of the inputs."""

import torch
import torch.nn.functional as F
from torch.distributions import Normal, kl_divergence

from arena_dungeon.testing import as_number, assert_number_close, assert_tensor_close, call, fail


def _oracle(img, rec, mu, logsigma, beta):
    kl = kl_divergence(Normal(mu, logsigma.exp()), Normal(0.0, 1.0)).mean()
    return F.mse_loss(rec, img) + beta * kl


def _scalar(got, label):
    if not isinstance(got, torch.Tensor):
        fail(f"{label} returned {type(got).__name__}, expected a scalar tensor "
             "(keep it a tensor so it can be backpropagated)", kind="type")
    if got.numel() != 1:
        fail(f"{label} returned a tensor of shape {tuple(got.shape)}, expected a scalar: "
             "take the mean over every element", kind="shape")
    return got


def test_kl_is_zero_at_the_prior(room):
    """Identical images, mu = 0 and logsigma = 0: the loss is exactly 0."""
    img = torch.rand(2, 1, 28, 28)
    got = _scalar(call(room.vae_loss, img, img.clone(), torch.zeros(2, 3), torch.zeros(2, 3)),
                  "vae_loss(img, img, mu=0, logsigma=0)")
    assert_number_close(got, 0.0, call="vae_loss(img, img, mu=0, logsigma=0)", atol=1e-6)


def test_hand_checked_kl_terms(room):
    """Identical images: mu = 1, logsigma = 0 gives 0.1 * 0.5; mu = 0, logsigma = ln 2 gives 0.1 * (1.5 - ln 2)."""
    img = torch.rand(2, 1, 28, 28)
    got = _scalar(call(room.vae_loss, img, img.clone(), torch.ones(2, 3), torch.zeros(2, 3)),
                  "vae_loss(img, img, mu=1, logsigma=0)")
    assert_number_close(got, 0.05, call="vae_loss(img, img, mu=1, logsigma=0)", atol=1e-6)
    ln2 = torch.log(torch.tensor(2.0))
    got = _scalar(call(room.vae_loss, img, img.clone(), torch.zeros(2, 3),
                       torch.full((2, 3), ln2.item())), "vae_loss(img, img, mu=0, logsigma=ln 2)")
    assert_number_close(got, 0.1 * (1.5 - ln2.item()),
                        call="vae_loss(img, img, mu=0, logsigma=ln 2): sigma = 2", atol=1e-6)


def test_reconstruction_term_is_mean_squared_error(room):
    """mu = 0, logsigma = 0, and images differing by 0.5 everywhere: the loss is 0.25."""
    img = torch.zeros(3, 1, 28, 28)
    got = _scalar(call(room.vae_loss, img, img + 0.5, torch.zeros(3, 4), torch.zeros(3, 4)),
                  "vae_loss(zeros, zeros + 0.5, mu=0, logsigma=0)")
    assert_number_close(got, 0.25, call="vae_loss(zeros, zeros + 0.5, mu=0, logsigma=0)",
                        atol=1e-6)


def test_random_batch_matches_oracle(room):
    """A random batch (8 images, latent 5), beta 0.1 and beta 2.5, against torch.distributions."""
    torch.manual_seed(0)
    img, rec = torch.rand(8, 1, 28, 28), torch.rand(8, 1, 28, 28)
    mu, logsigma = torch.randn(8, 5), torch.randn(8, 5) * 0.7
    got = _scalar(call(room.vae_loss, img, rec, mu, logsigma), "vae_loss(...)")
    assert_number_close(got, _oracle(img, rec, mu, logsigma, 0.1),
                        call="vae_loss(img, rec, mu, logsigma) (beta_kl=0.1)", rtol=1e-5)
    got = _scalar(call(room.vae_loss, img, rec, mu, logsigma, beta_kl=2.5), "vae_loss(...)")
    assert_number_close(got, _oracle(img, rec, mu, logsigma, 2.5),
                        call="vae_loss(img, rec, mu, logsigma, beta_kl=2.5)", rtol=1e-5)


def test_gradients_reach_every_input(room):
    """The loss backpropagates: gradients on img_reconstructed, mu and logsigma match the oracle's."""
    torch.manual_seed(1)
    img = torch.rand(4, 1, 28, 28)
    leaves = [torch.rand(4, 1, 28, 28), torch.randn(4, 3), torch.randn(4, 3)]
    mine = [v.clone().requires_grad_(True) for v in leaves]
    theirs = [v.clone().requires_grad_(True) for v in leaves]
    got = _scalar(call(room.vae_loss, img, *mine), "vae_loss(...)")
    if not got.requires_grad:
        fail("the loss does not require grad: it was computed without autograd "
             "(a .item(), a detach, or torch.no_grad)", kind="value")
    got.backward()
    _oracle(img, theirs[0], theirs[1], theirs[2], 0.1).backward()
    for name, a, b in zip(("img_reconstructed", "mu", "logsigma"), mine, theirs):
        if a.grad is None:
            fail(f"no gradient reached {name}", kind="value")
        assert_tensor_close(a.grad, b.grad, call=f"d loss / d {name}", atol=1e-6, rtol=1e-4)


def test_scale_does_not_grow_with_batch(room):
    """Doubling the batch with copies of the same data leaves the loss unchanged (means, not sums)."""
    torch.manual_seed(2)
    img, rec = torch.rand(3, 1, 28, 28), torch.rand(3, 1, 28, 28)
    mu, logsigma = torch.randn(3, 4), torch.randn(3, 4)
    one = as_number(_scalar(call(room.vae_loss, img, rec, mu, logsigma), "vae_loss(...)"))
    two = as_number(_scalar(call(room.vae_loss, *(torch.cat([v, v]) for v in
                                                   (img, rec, mu, logsigma))), "vae_loss(...)"))
    assert_number_close(two, one, call="vae_loss on the batch repeated twice (vs once)",
                        rtol=1e-5)
