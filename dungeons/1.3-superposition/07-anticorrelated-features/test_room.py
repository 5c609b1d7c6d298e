"""Cases for generate_anticorrelated_features: shape and range, never both present, each
feature at probability p (the naive p(1 - p) caught), pairs active at 2p and independent;
then 4 instances trained on the player's pairs, drawn."""

import torch

from arena_dungeon.testing import fail, load_asset_module, note, show_picture

ref = load_asset_module(__file__, "reference")
METHOD = "generate_anticorrelated_features"


def test_shape_and_range(room):
    """batch 9, 3 instances, 2 pairs: shape (9, 3, 4), floats in [0, 1)."""
    x = ref.draw(room, METHOD, [0.3, 0.3, 0.3], 2, 9)
    ref.check_range(x, f"{METHOD}(9, 2)")


def test_never_both_present(room):
    """p = 0.45 and 0.5: features 2k and 2k + 1 are never non-zero in the same row."""
    x = ref.draw(room, METHOD, [0.45, 0.5], 3, 5000, seed=1)
    both = (x[..., 0::2] != 0) & (x[..., 1::2] != 0)
    if both.any():
        b, i, k = both.nonzero()[0].tolist()
        fail(f"row {b}, instance {i}: features {2 * k} and {2 * k + 1} are both present "
             f"({both.float().mean():.1%} of pairs overall); at most one of a pair may be",
             kind="value")


def test_each_feature_has_probability_p(room):
    """Instances with p = 0.1, 0.3, 0.5: every feature (even and odd) is present in a p share of rows."""
    p = torch.tensor([0.1, 0.3, 0.5])
    x = ref.draw(room, METHOD, p, 2, 20_000, seed=2)
    share = (x != 0).float().mean(0)
    ref.check_share(share, p[:, None].expand_as(share),
                    "share of rows in which a feature is present (worst instance and feature)")


def test_magnitudes_uniform(room):
    """p = 0.5: the non-zero values have mean 0.5 and a tenth of them lie above 0.9."""
    x = ref.draw(room, METHOD, [0.5], 2, 20_000, seed=3)
    ref.check_uniform_magnitudes(x, f"{METHOD}(20000, 2) with p = 0.5")


def test_pairs_independent(room):
    """p = 0.25: two different pairs are both active (2p each) in about a quarter of the rows."""
    x = ref.draw(room, METHOD, [0.25, 0.25], 2, 20_000, seed=4)
    active = ((x[..., 0::2] != 0) | (x[..., 1::2] != 0)).float()
    both = (active[:, :, 0] * active[:, :, 1]).mean().item()
    if abs(both - 0.25) > 0.02:
        fail(f"pairs 0 and 1 are both active in {both:.1%} of the rows, expected 25% (each "
             "active half the time, independently)", kind="value")


def test_trained_antipodal_pairs(room):
    """4 instances, 2 anticorrelated pairs in 2-D (p 0.3 to 0.45), drawn; the angles are noted."""
    W = ref.train_pairs(room, METHOD, 2, torch.tensor([0.3, 0.35, 0.4, 0.45]), steps=400, seed=1)
    show_picture(ref.features_2d(W, per_row=4, colours=ref.PALETTE[[0, 0, 4, 4]]),
                 "4 instances, feature probability 0.3 (left) to 0.45; pair 0 yellow, pair 1 blue")
    cos = ref.pair_cosines(W)
    note("angle inside each pair: " + ", ".join(
        f"{torch.rad2deg(torch.arccos(c.clamp(-1, 1))):.0f}°" for c in cos.flatten()))
    if not torch.isfinite(W).all():
        fail("training on your features gave NaN weights", kind="nan")
