"""Cases for get_copying_scores: a loop oracle (one head, one name at a time, with a sort)
on random models and name lists, then the trained model's picture."""

import torch

import ioi_dataset as ioi
from arena_dungeon.testing import assert_tensor_close, call, load_asset_module, note, show_signed

ref = load_asset_module(__file__, "reference")


def _oracle(model, k, names):
    cfg = model.cfg
    out = torch.zeros(2, cfg.n_layers, cfg.n_heads)
    for l in range(cfg.n_layers):
        for h in range(cfg.n_heads):
            for name in names:
                t = ioi.TOKEN[name]
                logits = ((model.W_E[t] @ model.W_V[l, h]) @ model.W_O[l, h]) @ model.W_U
                order = logits.argsort(descending=True).tolist()
                out[0, l, h] += (t in order[:k]) / len(names)
                out[1, l, h] += (t in order[-k:]) / len(names)
    return out


def test_random_model_top_1(room):
    """Random 2-layer, 3-head model, k=1, every name."""
    model = ref.random_model(40)
    got = call(room.get_copying_scores, model, 1, ioi.NAMES)
    assert_tensor_close(got, _oracle(model, 1, ioi.NAMES), call="get_copying_scores(random model, "
                        "k=1)", dims="sign layer head", atol=1e-6)


def test_random_model_top_8_some_names(room):
    """Random 3-layer, 2-head model, k=8, the first 10 names only."""
    model = ref.random_model(41, n_layers=3, n_heads=2)
    names = ioi.NAMES[:10]
    got = call(room.get_copying_scores, model, 8, names)
    assert_tensor_close(got, _oracle(model, 8, names), call="get_copying_scores(random 3-layer "
                        "model, k=8, names=NAMES[:10])", dims="sign layer head", atol=1e-6)


def test_a_head_built_to_copy(room):
    """Head 0.0 built to copy 8 names (V and O from pseudo-inverses of their embeddings and
    unembeddings): copying 1, negative 0; head 0.1, its negative, the other way round."""
    model = ref.random_model(42, n_layers=1, n_heads=2)
    dh = model.cfg.d_head
    # E @ V = identity and O @ U = identity on the first d_head names: a copying OV circuit
    names = ioi.NAMES[:dh]
    E = model.W_E[[ioi.TOKEN[n] for n in names]]  # (dh, d_model)
    U = model.W_U[:, [ioi.TOKEN[n] for n in names]]  # (d_model, dh)
    model.blocks[0].attn.W_V[0] = torch.linalg.pinv(E)  # E @ V = identity (dh x dh)
    model.blocks[0].attn.W_O[0] = 10 * torch.linalg.pinv(U)  # O @ U = identity
    model.blocks[0].attn.W_V[1] = torch.linalg.pinv(E)
    model.blocks[0].attn.W_O[1] = -10 * torch.linalg.pinv(U)
    got = call(room.get_copying_scores, model, 1, names)
    assert_tensor_close(got, _oracle(model, 1, names), call="get_copying_scores(a copying head 0.0 "
                        "and its negative 0.1, k=1)", dims="sign layer head", atol=1e-6)
    assert_tensor_close(got, torch.tensor([[[1., 0.]], [[0., 1.]]]), call="get_copying_scores("
                        "copying head, negative head)", dims="sign layer head")


def test_trained_model(room):
    """The trained model, k=5, all 30 names."""
    model = ioi.load_ioi_model()
    got = call(room.get_copying_scores, model, 5, ioi.NAMES)
    assert_tensor_close(got, _oracle(model, 5, ioi.NAMES), call="get_copying_scores(trained model, "
                        "k=5)", dims="sign layer head", atol=1e-6)
    gap = torch.zeros(3, 1)
    show_signed(torch.cat([got[0], gap, -got[1]], 1), scale=1.0, caption=
                 "copying (left, blue) and negative copying (right, red): rows = layers 0-2, "
                 "columns = heads 0-3")
    note("copying: " + ref.head_grid(got[0]))
    note("negative copying: " + ref.head_grid(got[1]))
