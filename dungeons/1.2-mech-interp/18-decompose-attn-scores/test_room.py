"""Cases for decompose_attn_scores: vs a loop over pairs, sums vs the model's own scores."""

import math

import torch

import tiny_lens
from arena_dungeon.testing import assert_tensor_close, call, note, show_picture


def _model(d_head, seed=0):
    torch.manual_seed(seed)
    model = tiny_lens.HookedTransformer(tiny_lens.Config(d_vocab=20, d_model=12, d_head=d_head, n_heads=2, n_ctx=8))
    for p in model.parameters():
        p.requires_grad_(False)
    return model


def _loop(dq, dk, d_head):
    out = torch.zeros(dq.shape[0], dk.shape[0], dq.shape[1], dk.shape[1])
    for i in range(dq.shape[0]):
        for j in range(dk.shape[0]):
            for a in range(dq.shape[1]):
                for b in range(dk.shape[1]):
                    out[i, j, a, b] = (dq[i, a] * dk[j, b]).sum() / math.sqrt(d_head)
    return out


def _parts(model, cache, head):
    """Layer-1 Q/K input parts [embed, pos_embed, each layer-0 head, b_O], built from the weights."""
    seq = cache["embed"].shape[0]
    parts = [cache["embed"], model.W_pos[:seq]]
    parts += [cache["z", 0][:, h] @ model.W_O[0, h] for h in range(model.cfg.n_heads)]
    parts.append(model.b_O[0].expand(seq, -1))
    parts = torch.stack(parts)
    return parts @ model.W_Q[1, head], parts @ model.W_K[1, head]


def test_different_part_counts(room):
    """2 query parts, 3 key parts, 5 positions, d_head 4: a (2, 3, 5, 5) tensor, vs a loop."""
    g = torch.Generator().manual_seed(0)
    dq, dk = torch.randn(2, 5, 4, generator=g), torch.randn(3, 5, 4, generator=g)
    got = call(room.decompose_attn_scores, dq, dk, _model(4))
    assert_tensor_close(got, _loop(dq, dk, 4), call="decompose_attn_scores(q parts (2, 5, 4), k parts (3, 5, 4), model)",
                        dims="qc kc q_pos k_pos", atol=1e-5, rtol=1e-4)


def test_scale_uses_model_d_head(room):
    """d_head 9 (scale 1/3), and different query and key lengths."""
    g = torch.Generator().manual_seed(1)
    dq, dk = torch.randn(3, 4, 9, generator=g), torch.randn(2, 6, 9, generator=g)
    got = call(room.decompose_attn_scores, dq, dk, _model(9))
    assert_tensor_close(got, _loop(dq, dk, 9), call="decompose_attn_scores(q parts (3, 4, 9), k parts (2, 6, 9), model with d_head 9)",
                        dims="qc kc q_pos k_pos", atol=1e-5, rtol=1e-4)


def test_sum_of_terms_is_the_models_score(room):
    """A random model with zero b_Q, b_K: all terms together give the cached layer-1 scores (below the mask)."""
    model = _model(3, seed=2)
    tokens = torch.randint(0, 20, (1, 8), generator=torch.Generator().manual_seed(2))
    _, cache = model.run_with_cache(tokens, remove_batch_dim=True)
    dq, dk = _parts(model, cache, 1)
    got = call(room.decompose_attn_scores, dq, dk, model)
    keep = torch.tril(torch.ones(8, 8, dtype=torch.bool))
    summed = got.sum(dim=(0, 1)) if isinstance(got, torch.Tensor) and got.ndim == 4 else got
    assert_tensor_close(torch.where(keep, summed, 0.0), torch.where(keep, cache["attn_scores", 1][1], 0.0),
                        call="decompose_attn_scores(...).sum(dim=(0, 1)) vs cache['attn_scores', 1][1] (unmasked part)",
                        dims="q_pos k_pos", atol=1e-5, rtol=1e-4)


def test_shipped_model_induction_term(room):
    """The shipped model on BOS + x + x: the (embed, head 0.2) term shows the induction stripe."""
    model = tiny_lens.load_model()
    half = torch.randint(1, 64, (20,), generator=torch.Generator().manual_seed(0))
    tokens = torch.cat([torch.zeros(1, dtype=torch.long), half, half])[None]
    _, cache = model.run_with_cache(tokens, remove_batch_dim=True)
    dq, dk = _parts(model, cache, 3)
    got = call(room.decompose_attn_scores, dq, dk, model)
    assert_tensor_close(got, torch.einsum("iad,jbd->ijab", dq, dk) / 4.0, call="decompose_attn_scores(head 1.3's parts, model)",
                        dims="qc kc q_pos k_pos", atol=1e-4, rtol=1e-4)
    keep = torch.tril(torch.ones(41, 41, dtype=torch.bool))
    term = got[0, 4]  # query from embed, key from head 0.2
    lo, hi = term[keep].min(), term[keep].max()
    show_picture(torch.where(keep, (term - lo) / (hi - lo), 0.0), "head 1.3 score term: query from embed x key from head 0.2")
    names = ["embed", "pos", "0.0", "0.1", "0.2", "0.3", "b_O"]
    std = torch.stack([got[i, j][keep].std() for i in range(7) for j in range(7)]).reshape(7, 7)
    i, j = divmod(int(std.argmax()), 7)
    note(f"head 1.3: the score term that varies most is query {names[i]} x key {names[j]} (std {std[i, j]:.2f}); "
         f"embed x 0.2 has std {std[0, 4]:.2f}")
