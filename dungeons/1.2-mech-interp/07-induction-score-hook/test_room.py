"""Cases for induction_score_hook: a hand-built pattern, the seq_len read from the pattern,
the store row chosen by hook.layer(), and full runs through run_with_hooks vs a slow loop."""

import torch

import tiny_lens
from arena_dungeon.testing import assert_tensor_close, describe, fail, note, show_picture

FILTER = lambda name: name.endswith("pattern")  # noqa: E731


def _oracle_scores(pattern: torch.Tensor, seq_len: int) -> torch.Tensor:
    """Slow loop: per head, mean of pattern[b, h, i, i - (seq_len - 1)] over b and i."""
    batch, heads, n, _ = pattern.shape
    out = torch.zeros(heads)
    for h in range(heads):
        vals = [pattern[b, h, i, i - (seq_len - 1)] for b in range(batch)
                for i in range(seq_len - 1, n)]
        out[h] = torch.stack(vals).mean()
    return out


def _repeated(batch: int, seq_len: int, seed: int, vocab: int = 64) -> torch.Tensor:
    gen = torch.Generator().manual_seed(seed)
    x = torch.randint(1, vocab, (batch, seq_len), generator=gen)
    return torch.cat([torch.zeros(batch, 1, dtype=torch.long), x, x], dim=1)


def _call_hook(room, pattern, layer, n_layers, n_heads):
    hook = tiny_lens.HookPoint()
    hook.name = f"blocks.{layer}.attn.hook_pattern"
    room.induction_score_store = torch.zeros(n_layers, n_heads)
    before = pattern.clone()
    out = room.induction_score_hook(pattern, hook)
    if not torch.equal(pattern, before):
        fail("induction_score_hook changed the pattern it was given", kind="mutation",
             details="The hook only reads the pattern; write the scores into the store.")
    if out is not None and not (isinstance(out, torch.Tensor) and torch.equal(out, before)):
        fail(f"induction_score_hook returned {describe(out)}, expected None",
             kind="type", details="A hook that returns a tensor replaces the activation.")
    store = room.induction_score_store
    if not isinstance(store, torch.Tensor) or store.shape != (n_layers, n_heads):
        fail(f"after the hook, induction_score_store is {describe(store)}, expected the "
             f"({n_layers}, {n_heads}) tensor the test put there", kind="type",
             details="Write into a row of the module's store: induction_score_store[layer] = ...")
    return store


def test_hand_built_pattern(room):
    """seq_len 4 (9 positions), 2 x 3 heads, hook on layer 1: row 1 holds the stripe means."""
    torch.manual_seed(0)
    pattern = torch.rand(2, 3, 9, 9)
    store = _call_hook(room, pattern, layer=1, n_layers=2, n_heads=3)
    expected = torch.stack([torch.zeros(3), _oracle_scores(pattern, 4)])
    assert_tensor_close(store, expected, call="induction_score_store after the hook on "
                        "blocks.1.attn.hook_pattern, pattern (2, 3, 9, 9), seq_len 4",
                        dims="layer head", atol=1e-5)


def test_seq_len_comes_from_the_pattern(room):
    """seq_len 9 (19 positions), hook on layer 0: the offset must follow the pattern's size."""
    torch.manual_seed(1)
    pattern = torch.rand(3, 4, 19, 19)
    store = _call_hook(room, pattern, layer=0, n_layers=3, n_heads=4)
    expected = torch.zeros(3, 4)
    expected[0] = _oracle_scores(pattern, 9)
    assert_tensor_close(store, expected, call="induction_score_store after the hook on "
                        "blocks.0.attn.hook_pattern, pattern (3, 4, 19, 19), seq_len 9",
                        dims="layer head", atol=1e-5)


def _run(room, model, tokens, seq_len):
    room.induction_score_store = torch.zeros(model.cfg.n_layers, model.cfg.n_heads)
    _, cache = model.run_with_cache(tokens, names_filter=FILTER)
    model.run_with_hooks(tokens, return_type=None, fwd_hooks=[(FILTER, room.induction_score_hook)])
    expected = torch.stack([_oracle_scores(cache["pattern", l], seq_len)
                            for l in range(model.cfg.n_layers)])
    return room.induction_score_store, expected


def test_random_model_run_with_hooks(room):
    """A random 2-layer model (seed 3), BOS + x + x with seq_len 10, batch 4, via run_with_hooks."""
    torch.manual_seed(3)
    model = tiny_lens.HookedTransformer(tiny_lens.Config()).eval()
    tokens = _repeated(4, 10, seed=3)
    with torch.no_grad():
        got, expected = _run(room, model, tokens, 10)
    assert_tensor_close(got, expected, call="scores on a random model (run_with_hooks with a "
                        "filter on 'pattern')", dims="layer head", atol=1e-5)


def test_trained_model_heatmap(room):
    """The shipped model, seq_len 20, batch 10: the layer-1 heads light up."""
    model = tiny_lens.load_model()
    tokens = _repeated(10, 20, seed=0)
    got, expected = _run(room, model, tokens, 20)
    assert_tensor_close(got, expected, call="scores on the trained model (seq_len 20, batch 10)",
                        dims="layer head", atol=1e-5)
    img = torch.kron(got.clamp(0, 1), torch.ones(24, 24))
    show_picture(img, "induction scores: rows = layers 0-1, columns = heads 0-3 (white = 1)")
    note("induction scores, layer 1: " + ", ".join(f"1.{h} {v:.2f}" for h, v in enumerate(got[1])))
