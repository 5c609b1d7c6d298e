"""Cases for generate_correlated_features: shape and range, pairs present together (and
side by side), the pair frequency per instance, independent magnitudes, independent pairs;
then 5 instances trained on the player's pairs, drawn."""

import torch

from arena_dungeon.testing import fail, load_asset_module, note, show_picture

ref = load_asset_module(__file__, "reference")
METHOD = "generate_correlated_features"


def test_shape_and_range(room):
    """batch 9, 3 instances, 2 pairs: shape (9, 3, 4), floats in [0, 1)."""
    x = ref.draw(room, METHOD, [0.5, 0.5, 0.5], 2, 9)
    ref.check_range(x, f"{METHOD}(9, 2)")


def test_pairs_present_together(room):
    """Features 2k and 2k + 1 are non-zero in exactly the same rows."""
    x = ref.draw(room, METHOD, [0.3, 0.6], 3, 2000, seed=1)
    present = x != 0
    differ = (present[..., 0::2] != present[..., 1::2])
    if differ.any():
        b, i, k = differ.nonzero()[0].tolist()
        fail(f"row {b}, instance {i}: feature {2 * k} is {'present' if present[b, i, 2 * k] else 'absent'} "
             f"but feature {2 * k + 1} is {'present' if present[b, i, 2 * k + 1] else 'absent'}; "
             "a pair is present or absent together", kind="value",
             details="Pairs are side by side: features (0, 1), (2, 3), ... share one coin.")


def test_pair_frequency_per_instance(room):
    """Instances with p = 0.05, 0.2, 0.5: each feature is present in that share of the rows."""
    p = torch.tensor([0.05, 0.2, 0.5])
    x = ref.draw(room, METHOD, p, 2, 20_000, seed=2)
    share = (x != 0).float().mean(0)  # (inst, feats)
    ref.check_share(share, p[:, None].expand_as(share), "share of rows in which a feature is present")


def test_magnitudes_independent_within_a_pair(room):
    """When a pair is present, its two values are separate uniform draws (not one value twice)."""
    x = ref.draw(room, METHOD, [1.0], 2, 5000, seed=3)
    a, b = x[:, 0, 0], x[:, 0, 1]
    if torch.allclose(a, b):
        fail("the two features of a pair always have the same value", kind="value",
             details="Draw one magnitude per feature, (batch, inst, 2 * n), not one per pair.")
    corr = torch.corrcoef(torch.stack([a, b]))[0, 1].item()
    if abs(corr) > 0.05:
        fail(f"the two magnitudes of a pair have correlation {corr:.2f}, expected about 0",
             kind="value")
    ref.check_range(x, f"{METHOD}(5000, 2) with p = 1")


def test_pairs_independent(room):
    """p = 0.5, 3 pairs: two different pairs are both present in about a quarter of the rows."""
    x = ref.draw(room, METHOD, [0.5, 0.5], 3, 20_000, seed=4)
    present = (x != 0).float()
    both = (present[:, :, 0] * present[:, :, 2]).mean().item()
    if abs(both - 0.25) > 0.02:
        fail(f"pairs 0 and 1 are both present in {both:.1%} of the rows, expected 25% (independent "
             "coins)", kind="value", details="Draw one seed per pair: (batch, inst, n_pairs).")
    across = (present[:, 0, 0] * present[:, 1, 0]).mean().item()
    if abs(across - 0.25) > 0.02:
        fail(f"pair 0 is present in instances 0 and 1 together in {across:.1%} of the rows, "
             "expected 25%", kind="value")


def test_trained_local_orthogonal_bases(room):
    """5 instances, 2 correlated pairs in 2-D: each stored pair sits at about a right angle."""
    p = 400 ** -torch.linspace(0.5, 1, 5)
    W = ref.train_pairs(room, METHOD, 2, p, steps=400)
    show_picture(ref.features_2d(W, size=15, per_row=5, colours=ref.PALETTE[[0, 0, 4, 4]]),
                 "5 instances, feature probability 0.05 (left) to 0.0025; pair 0 yellow, pair 1 blue")
    cos = ref.pair_cosines(W)
    stored = (W.norm(dim=1)[:, 0::2] > 0.5) & (W.norm(dim=1)[:, 1::2] > 0.5)
    note("angle inside each stored pair: " + ", ".join(
        f"{torch.rad2deg(torch.arccos(c.clamp(-1, 1))):.0f}°" for c in cos[stored]))
    if stored.sum() >= 4 and (cos[stored].abs() < 0.3).float().mean() < 0.75:
        fail("most stored pairs are not at right angles after training on your features",
             kind="value", details="Check that a pair's two features are present together.")
