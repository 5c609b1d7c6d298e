"""Cases for detect_heads and find_induction_circuit: random models of 3 and 1 layers against a
loop oracle over the cached patterns, then the shipped 2-layer and 3-layer models."""

import torch

import tiny_lens
from arena_dungeon.testing import (assert_equal, call, describe, fail, fresh_seed, note,
                                   show_picture)


def _random_model(n_layers, seed):
    torch.manual_seed(seed)
    model = tiny_lens.HookedTransformer(tiny_lens.Config(n_layers=n_layers, n_heads=3, d_model=16,
                                                         d_head=4, d_vocab=20, n_ctx=12,
                                                         init_range=0.6))
    model.eval()
    for p in model.parameters():
        p.requires_grad_(False)
    return model


def _scores(model, tokens, offset):
    """(n_layers, n_heads): each head's mean over the batch and positions of its diagonal."""
    _, cache = model.run_with_cache(tokens)
    n_layers, n_heads = model.cfg.n_layers, model.cfg.n_heads
    out = torch.zeros(n_layers, n_heads)
    for layer in range(n_layers):
        pattern = cache["pattern", layer]
        q = pattern.shape[-1]
        for h in range(n_heads):
            cells = [pattern[b, h, i, i + offset] for b in range(len(tokens))
                     for i in range(q) if 0 <= i + offset < q]
            out[layer, h] = torch.stack(cells).mean()
    return out


def _above(scores, threshold):
    return [f"{l}.{h}" for l in range(scores.shape[0]) for h in range(scores.shape[1])
            if scores[l, h] > threshold]


def _check_detect(room, model, offset, what):
    g = torch.Generator().manual_seed(fresh_seed(1))
    tokens = torch.randint(0, model.cfg.d_vocab, (4, model.cfg.n_ctx), generator=g)
    scores = _scores(model, tokens, offset)
    ranked = scores.flatten().sort().values
    # halfway across the widest gap in the middle third: heads on both sides, none near it
    n = len(ranked)
    k = max(range(max(1, n // 3), max(2, n - n // 3)), key=lambda i: ranked[i] - ranked[i - 1])
    threshold = ((ranked[k - 1] + ranked[k]) / 2).item()
    got = call(room.detect_heads, model, tokens, offset, threshold)
    if not (isinstance(got, list) and all(isinstance(x, str) for x in got)):
        fail(f"detect_heads returned {describe(got)}, expected a list of 'layer.head' strings",
             kind="type")
    table = "\n".join(f"  layer {l}: " + "  ".join(f"{v:.3f}" for v in row)
                      for l, row in enumerate(scores.tolist()))
    if got != _above(scores, threshold):
        fail(f"detect_heads({what}, offset={offset}, threshold={threshold:.3f}) returned "
             f"{got}, expected {_above(scores, threshold)}", kind="value",
             details=f"Each head's mean of the diagonal at offset {offset}:\n{table}")


def test_detect_heads_random_three_layer_model(room):
    """An untrained 3-layer model, offsets 0 and -1: every layer is scored, names are 'layer.head'."""
    model = _random_model(3, seed=0)
    _check_detect(room, model, 0, "3-layer random model")
    _check_detect(room, model, -1, "3-layer random model")


def test_detect_heads_one_layer_model(room):
    """An untrained 1-layer model, offset -2: the layer count comes from the model."""
    _check_detect(room, _random_model(1, seed=2), -2, "1-layer random model")


def test_shipped_two_layer_model(room):
    """The 2-layer model of this dungeon: previous-token head 0.2, induction heads 1.0-1.3."""
    got = call(room.find_induction_circuit, tiny_lens.load_model())
    assert_equal(got, (["0.2"], ["1.0", "1.1", "1.2", "1.3"]),
                 call="find_induction_circuit(load_model()) -> (previous-token heads, "
                      "induction heads)")


def test_deeper_model_circuit(room):
    """The 3-layer model: previous-token heads in layer 1, induction heads in layer 2."""
    model = tiny_lens.load_model(n_layers=3)
    tokens = room.make_repeated_tokens(model, 20, 10)
    prev, ind = _scores(model, tokens, -1), _scores(model, tokens, -19)
    show_picture(torch.cat([prev, torch.ones(3, 1), ind], dim=1).repeat_interleave(4, 0)
                 .repeat_interleave(4, 1),
                 "3-layer model, rows = layers 0-2, columns = heads: left, previous-token "
                 "score; right, induction score (white = 1)")
    got = call(room.find_induction_circuit, model)
    note("previous-token scores: " + "; ".join(f"layer {l}: " + " ".join(
        f"{v:.2f}" for v in row) for l, row in enumerate(prev.tolist())))
    assert_equal(got, (["1.0", "1.2", "1.3"], ["2.0", "2.1", "2.2", "2.3"]),
                 call="find_induction_circuit(load_model(n_layers=3))")
