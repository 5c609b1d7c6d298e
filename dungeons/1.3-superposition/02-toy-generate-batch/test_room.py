"""Cases for ToyModel.generate_batch: shape and range, p = 0 and p = 1, empirical
frequencies against a (inst, feats) probability table, uniform magnitudes, independent
features, fresh draws on every call."""

import torch

from arena_dungeon.testing import fresh_seed, assert_shape, call, fail, load_asset_module
from toy_base import ToyModelConfig

ref = load_asset_module(__file__, "reference")


def _batch(room, n_inst, feats, p, batch_size, seed=0):
    model = room.ToyModel(ToyModelConfig(n_inst=n_inst, n_features=feats), feature_probability=p)
    torch.manual_seed(seed)
    return call(model.generate_batch, batch_size)


def test_shape_and_range(room):
    """batch 7, 3 instances, 5 features, p = 0.5: shape (7, 3, 5), floats in [0, 1)."""
    x = _batch(room, 3, 5, 0.5, 7)
    assert_shape(x, (7, 3, 5), call="generate_batch(7)", dims="batch inst feats")
    if not x.is_floating_point():
        fail(f"generate_batch(7) returned dtype {x.dtype}, expected floats", kind="dtype")
    if x.min() < 0 or x.max() >= 1:
        fail(f"generate_batch(7) has values from {x.min():.3f} to {x.max():.3f}, expected "
             "every value in [0, 1)", kind="value",
             details="Magnitudes are uniform in [0, 1): torch.rand, not torch.randn.")


def test_probability_zero_and_one(room):
    """Instance 0 has p = 0 (all zeros), instance 1 has p = 1 (no zeros)."""
    p = torch.tensor([[0.0], [1.0]])
    x = _batch(room, 2, 4, p, 500)
    assert_shape(x, (500, 2, 4), call="generate_batch(500)", dims="batch inst feats")
    if (x[:, 0] != 0).any():
        fail(f"instance 0 has feature probability 0 but {(x[:, 0] != 0).sum()} of its 2000 "
             "values are non-zero", kind="value")
    if (x[:, 1] == 0).sum() > 1:
        fail(f"instance 1 has feature probability 1 but {(x[:, 1] == 0).sum()} of its 2000 "
             "values are zero", kind="value",
             details="Each instance and feature has its own p: compare with the (inst, feats) "
                     "table self.feature_probability.")


def test_frequency_matches_feature_probability(room):
    """4 instances x 6 features, each its own p: the share of non-zeros in 20,000 rows matches p."""
    gen = torch.Generator().manual_seed(fresh_seed(3))
    p = 0.05 + 0.85 * torch.rand(4, 6, generator=gen)
    x = _batch(room, 4, 6, p, 20_000, seed=1)
    assert_shape(x, (20_000, 4, 6), call="generate_batch(20000)", dims="batch inst feats")
    freq = (x != 0).float().mean(0)
    worst = (freq - p).abs().argmax()
    i, f = divmod(int(worst), 6)
    if (freq - p).abs().max() > 0.02:
        fail(f"instance {i}, feature {f} is non-zero in {freq[i, f]:.3f} of the rows, but its "
             f"feature probability is {p[i, f]:.3f}", kind="value",
             details="Present where feat_seeds <= self.feature_probability, with the whole "
                     "(inst, feats) table broadcast over the batch.")


def test_magnitudes_uniform_on_0_1(room):
    """p = 0.3: the non-zero values spread over all of [0, 1) (mean 0.5, a tenth above 0.9)."""
    x = _batch(room, 2, 5, 0.3, 20_000, seed=2)
    ref.check_uniform_magnitudes(x, "generate_batch(20000) with p = 0.3")


def test_features_independent(room):
    """p = 0.5 everywhere: two features are both present in about a quarter of the rows."""
    x = _batch(room, 3, 4, 0.5, 20_000, seed=4)
    present = (x != 0).float()
    both_feats = (present[:, :, 0] * present[:, :, 1]).mean().item()
    both_inst = (present[:, 0, :] * present[:, 1, :]).mean().item()
    if abs(both_feats - 0.25) > 0.02:
        fail(f"features 0 and 1 are present together in {both_feats:.1%} of the rows, expected "
             "25% (two independent coin flips)", kind="value",
             details="The seeds need the full (batch, inst, feats) shape: one draw per element.")
    if abs(both_inst - 0.25) > 0.02:
        fail(f"instances 0 and 1 have the same feature present together in {both_inst:.1%} of "
             "the rows, expected 25%", kind="value")


def test_fresh_draws_each_call(room):
    """Two calls in a row give different batches."""
    model = room.ToyModel(ToyModelConfig(n_inst=2, n_features=5), feature_probability=0.5)
    torch.manual_seed(fresh_seed(5))
    a = call(model.generate_batch, 50)
    b = call(model.generate_batch, 50)
    if isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor) and torch.equal(a, b):
        fail("two calls of generate_batch(50) returned the same batch", kind="value",
             details="Don't seed the generator inside generate_batch.")
