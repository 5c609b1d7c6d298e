"""Cases for the composition-score baseline: seeded randomness, the spread of random scores
against a batched oracle (for the shipped model's shapes and another config), the baseline's
mean and std, and the shipped model's K-composition read against it."""

import torch

import tiny_lens
from arena_dungeon.testing import (as_number, assert_number_close, describe, fail, fresh_seed,
                                   note, show_signed)


def _oracle_scores(cfg, n=1000, seed=0):
    """n composition scores of random rank-d_head products, all at once."""
    g = torch.Generator().manual_seed(seed)
    f = [torch.randn(n, cfg.d_model, cfg.d_head, generator=g) for _ in range(4)]
    W_A, W_B = f[0] @ f[1].mT, f[2] @ f[3].mT
    norm = torch.linalg.matrix_norm
    return norm(W_A @ W_B) / (norm(W_A) * norm(W_B))


def _model(**cfg):
    torch.manual_seed(0)
    return tiny_lens.HookedTransformer(tiny_lens.Config(**cfg))


def _sample(room, model, n, seed):
    torch.manual_seed(seed)
    out = []
    for _ in range(n):
        v = room.generate_single_random_comp_score(model)
        if not isinstance(v, float):
            fail(f"generate_single_random_comp_score(model) returned {describe(v)}, expected a "
                 "Python float", kind="type", details="Turn a one-element tensor into a float "
                                                      "with .item().")
        out.append(v)
    return torch.tensor(out)


def _compare_spread(room, model, what):
    cfg = model.cfg
    got = _sample(room, model, 200, seed=fresh_seed(3))
    ref = _oracle_scores(cfg)
    m, s = got.mean().item(), got.std().item()
    m_ref, s_ref = ref.mean().item(), ref.std().item()
    shapes = f"d_model {cfg.d_model}, d_head {cfg.d_head}"
    tol = 4 * s_ref * (200 ** -0.5 + 1000 ** -0.5)
    if abs(m - m_ref) > tol:
        fail(f"{what} ({shapes}): 200 random scores average {m:.4f}, expected about "
             f"{m_ref:.4f} (within {tol:.4f})", kind="value",
             details="Each random matrix is (d_model, d_head) @ (d_model, d_head)^T: a "
                     "(d_model, d_model) matrix of rank d_head, like a head's OV or QK. Read "
                     "d_model and d_head from model.cfg.")
    if not 0.7 < s / s_ref < 1.4:
        fail(f"{what} ({shapes}): 200 random scores spread with std {s:.4f}, expected about "
             f"{s_ref:.4f}", kind="value",
             details="The mean barely depends on the rank, the spread does: two full "
                     "(d_model, d_model) random matrices give scores far more alike than "
                     "products of (d_model, d_head) factors.")
    return got, ref


def test_single_score_random_and_seeded(room):
    """Two calls give two different floats in (0, 1); the same torch seed gives the same score."""
    model = _model()
    seed = fresh_seed(5)
    first = _sample(room, model, 2, seed=seed)
    again = _sample(room, model, 1, seed=seed)
    if not 0 < first[0] < 1:
        fail(f"generate_single_random_comp_score(model) returned {first[0].item():.4f}, "
             "expected a score in (0, 1)", kind="value")
    if first[0] == first[1]:
        fail("two calls of generate_single_random_comp_score(model) returned the same score "
             f"{first[0].item():.5f}: the matrices are not fresh random draws", kind="value",
             details="Draw new factors with torch.randn on every call; don't reseed inside.")
    if first[0] != again[0]:
        fail("after torch.manual_seed(5), two runs gave different first scores "
             f"({first[0].item():.5f} vs {again[0].item():.5f})", kind="value",
             details="Draw the factors from torch's generator (torch.randn), so torch's seed "
                     "makes the baseline repeatable.")


def test_scores_spread_like_rank_d_head_products(room):
    """The shipped model's shapes (64, 16): 200 scores match the oracle's mean and spread."""
    _compare_spread(room, tiny_lens.load_model(), "generate_single_random_comp_score(model)")


def test_other_config_read_from_model(room):
    """A model with d_model 20, d_head 5: the shapes come from model.cfg, not constants."""
    _compare_spread(room, _model(d_model=20, d_head=5, n_heads=2, d_vocab=12, n_ctx=8),
                    "generate_single_random_comp_score(small model)")


def test_baseline_mean_and_std(room):
    """get_comp_score_baseline(model, 6) = (mean, std with correction=0) of 6 single scores."""
    model = _model(d_model=20, d_head=5, n_heads=2, d_vocab=12, n_ctx=8)
    seed = fresh_seed(9)
    scores = _sample(room, model, 6, seed=seed)
    torch.manual_seed(seed)
    got = room.get_comp_score_baseline(model, 6)
    if not (isinstance(got, tuple) and len(got) == 2):
        fail(f"get_comp_score_baseline(model, 6) returned {describe(got)}, expected a tuple "
             "(mean, std)", kind="type")
    mean, std = as_number(got[0]), as_number(got[1])
    what = "get_comp_score_baseline(model, 6)"
    assert_number_close(mean, scores.mean().item(), call=f"{what}[0], the mean of 6 scores",
                        rtol=1e-5)
    assert_number_close(std, scores.std(correction=0).item(), rtol=1e-4,
                        call=f"{what}[1], the std (correction=0) of the same 6 scores")


def test_shipped_model_k_composition_against_baseline(room):
    """The shipped model: K-composition of layer 0 into layer 1, in baseline standard deviations."""
    model = tiny_lens.load_model()
    torch.manual_seed(0)
    got = room.get_comp_score_baseline(model, 300)
    mean, std = as_number(got[0]), as_number(got[1])
    ref = _oracle_scores(model.cfg)
    assert_number_close(mean, ref.mean().item(), atol=0.003,
                        call="get_comp_score_baseline(model, 300)[0] on the shipped model")
    norm = torch.linalg.matrix_norm
    W_A, W_B = model.OV[0].AB[:, None], model.QK[1].T.AB[None]
    scores = norm(W_A @ W_B) / (norm(W_A) * norm(W_B))
    z = (scores - mean) / std
    show_signed(z, "K-composition, rows = layer-0 heads, "
                 "columns = layer-1 heads: blue above the random baseline, red below")
    best = z[2].min().item()
    note(f"random baseline {mean:.3f} +- {std:.3f}; head 0.2's K-composition with 1.0-1.3 "
         f"is {scores[2].min():.2f}-{scores[2].max():.2f}, at least {best:.0f} std above it")
