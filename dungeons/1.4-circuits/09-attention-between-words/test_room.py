"""Cases for attention_between: made-up caches (hand-checked, then random with a loop),
and the trained model, whose roles the debrief names."""

import torch

import ioi_dataset as ioi
import tiny_lens
from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, load_asset_module, note, show_signed

ref = load_asset_module(__file__, "reference")


class _Model:
    def __init__(self, n_layers):
        self.cfg = tiny_lens.Config(n_layers=n_layers)


def _loop(patterns, word_idx, q, k):
    out = torch.zeros(len(patterns), patterns[0].shape[1])
    for layer, p in enumerate(patterns):
        for b in range(p.shape[0]):
            out[layer] += p[b, :, word_idx[q][b], word_idx[k][b]] / p.shape[0]
    return out


def _cache(patterns):
    return tiny_lens.ActivationCache({f"blocks.{l}.attn.hook_pattern": p for l, p in enumerate(patterns)})


def test_hand_checked(room):
    """One layer, one head, 2 prompts of 3 tokens; "end" is position 2 in both, "IO" 0 then 1."""
    p = torch.tensor([[[[1., 0., 0.], [.5, .5, 0.], [.2, .3, .5]]],
                      [[[1., 0., 0.], [.5, .5, 0.], [.1, .6, .3]]]])  # (2, 1, 3, 3)
    word_idx = {"end": torch.tensor([2, 2]), "IO": torch.tensor([0, 1])}
    got = call(room.attention_between, _Model(1), _cache([p]), word_idx, "end", "IO")
    assert_tensor_close(got, torch.tensor([[0.4]]), call="attention_between(..., 'end', 'IO')  "
                        "(rows: 0.2 and 0.6)", dims="layer head")


def test_positions_differ_per_prompt(room):
    """2 layers, 3 heads, 5 prompts of 6 tokens, random patterns and positions, against a loop."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    patterns = [torch.rand(5, 3, 6, 6, generator=gen) for _ in range(2)]
    word_idx = {"S2": torch.randint(3, 6, (5,), generator=gen), "S1": torch.randint(0, 3, (5,), generator=gen)}
    got = call(room.attention_between, _Model(2), _cache(patterns), word_idx, "S2", "S1")
    assert_tensor_close(got, _loop(patterns, word_idx, "S2", "S1"), atol=1e-5,
                        call="attention_between(random patterns, 'S2', 'S1')", dims="layer head")


def test_from_and_to_in_order(room):
    """Random patterns, query "end" (late), key "IO" (early): the from-word picks the row."""
    gen = torch.Generator().manual_seed(fresh_seed(1))
    patterns = [torch.rand(4, 2, 7, 7, generator=gen) for _ in range(3)]
    word_idx = {"end": torch.full((4,), 6), "IO": torch.tensor([1, 2, 1, 3])}
    got = call(room.attention_between, _Model(3), _cache(patterns), word_idx, "end", "IO")
    assert_tensor_close(got, _loop(patterns, word_idx, "end", "IO"), atol=1e-5,
                        call="attention_between(random (4, 2, 7, 7) x 3 layers, 'end', 'IO')",
                        dims="layer head")


def test_trained_model_roles(room):
    """Trained model, 100 prompts of every training template: END->IO, END->S2 and S2->S1."""
    model = ioi.load_ioi_model()
    ds = ioi.IOIDataset(100, seed=12, templates=ioi.TRAIN_TEMPLATES)
    _, cache = model.run_with_cache(ds.toks)
    patterns = [cache["pattern", l] for l in range(3)]
    got = {}
    for q, k in [("end", "IO"), ("end", "S2"), ("S2", "S1")]:
        got[q, k] = call(room.attention_between, model, cache, ds.word_idx, q, k)
        assert_tensor_close(got[q, k], _loop(patterns, ds.word_idx, q, k), atol=1e-4,
                            call=f"attention_between(trained model, '{q}', '{k}')", dims="layer head")
    gap = torch.zeros(3, 1)
    show_signed(torch.cat([got["end", "IO"], gap, got["end", "S2"], gap, got["S2", "S1"]], 1),
                             scale=1.0, caption=
                 "attention, rows = layers 0-2: END->IO (left), END->S2 (middle), S2->S1 (right)")
    note("END->IO: " + ref.head_grid(got["end", "IO"]))
    note("END->S2: " + ref.head_grid(got["end", "S2"]))
    note("S2->S1: " + ref.head_grid(got["S2", "S1"]))
