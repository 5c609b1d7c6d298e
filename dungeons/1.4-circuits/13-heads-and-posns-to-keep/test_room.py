"""Cases for get_heads_and_posns_to_keep: a loop oracle over prompts, roles and heads, on
made-up word positions and on real IOI datasets."""

from types import SimpleNamespace

import torch

import ioi_dataset as ioi
import tiny_lens
from arena_dungeon.testing import assert_equal, assert_tensor_equal, call, fail


def _model(n_layers, n_heads):
    return SimpleNamespace(cfg=tiny_lens.Config(n_layers=n_layers, n_heads=n_heads))


def _oracle(ds, n_layers, n_heads, circuit, seq_pos):
    batch, seq = ds.toks.shape
    out = {l: torch.zeros(batch, seq, n_heads, dtype=torch.bool) for l in range(n_layers)}
    for role, heads in circuit.items():
        for b in range(batch):
            p = int(ds.word_idx[seq_pos[role]][b])
            for l, h in heads:
                out[l][b, p, h] = True
    return out


def _check(room, ds, n_layers, n_heads, circuit, seq_pos, label):
    got = call(room.get_heads_and_posns_to_keep, ds, _model(n_layers, n_heads), circuit, seq_pos)
    if not isinstance(got, dict):
        fail(f"get_heads_and_posns_to_keep({label}) returned {type(got).__name__}, not a dict")
    assert_equal(sorted(got), list(range(n_layers)), call=f"the layers (keys) of the result for {label}")
    expected = _oracle(ds, n_layers, n_heads, circuit, seq_pos)
    for layer in range(n_layers):
        assert_tensor_equal(got[layer], expected[layer], call=f"get_heads_and_posns_to_keep({label})"
                            f"[{layer}]", dims="batch seq head")


def test_one_head_at_end(room):
    """Fake dataset: 2 prompts, 4 tokens; circuit {"mover": [(1, 0)]} at "end" (position 3)."""
    ds = SimpleNamespace(toks=torch.zeros(2, 4, dtype=torch.long),
                         word_idx={"end": torch.tensor([3, 3]), "IO": torch.tensor([1, 2])})
    _check(room, ds, 2, 2, {"mover": [(1, 0)]}, {"mover": "end"}, "one head at end")


def test_positions_differ_per_prompt(room):
    """Real prompts of every template: a role kept at "IO", whose position varies."""
    ds = ioi.IOIDataset(9, seed=1)
    _check(room, ds, 3, 4, {"writer": [(0, 1), (0, 3)], "mover": [(2, 2)]},
           {"writer": "IO", "mover": "end"}, "roles at IO and end")


def test_head_in_two_roles(room):
    """Head (0, 2) in two roles, at S2 and at end: both positions are kept."""
    ds = ioi.IOIDataset(6, seed=2)
    _check(room, ds, 2, 4, {"a": [(0, 2)], "b": [(0, 2), (1, 1)]}, {"a": "S2", "b": "end"},
           "head (0, 2) at S2 and end")


def test_layers_without_circuit_heads(room):
    """A 3-layer model whose circuit is all in layer 1: layers 0 and 2 are all False, but present."""
    ds = ioi.IOIDataset(4, seed=3)
    _check(room, ds, 3, 2, {"only": [(1, 0), (1, 1)]}, {"only": "S1"}, "circuit in layer 1 only")
