"""Cases for ablation_induction_score. The oracle ablates the layer-0 head without hooks (its
W_O rows set to zero: v only reaches the residual stream through z @ W_O) and reads the
layer-1 pattern from run_with_cache with a slow loop."""

import torch

import tiny_lens
from arena_dungeon.testing import as_number, assert_number_close, fail, note, show_picture


def _repeated(batch, seq_len, seed):
    gen = torch.Generator().manual_seed(seed)
    x = torch.randint(1, 64, (batch, seq_len), generator=gen)
    return torch.cat([torch.zeros(batch, 1, dtype=torch.long), x, x], dim=1)


def _random_model(seed):
    torch.manual_seed(seed)
    model = tiny_lens.HookedTransformer(tiny_lens.Config(init_range=0.25)).eval()
    for p in model.parameters():
        p.requires_grad_(False)
    return model


def _oracle(model, tokens, prev, ind):
    seq_len = (tokens.shape[1] - 1) // 2
    W_O = model.blocks[0].attn.W_O
    saved = W_O.clone()
    if prev is not None:
        W_O[prev] = 0.0
    try:
        _, cache = model.run_with_cache(tokens, names_filter="blocks.1.attn.hook_pattern")
    finally:
        W_O.copy_(saved)
    pattern = cache["pattern", 1][:, ind]
    vals = [pattern[b, i, i - (seq_len - 1)] for b in range(pattern.shape[0])
            for i in range(seq_len - 1, pattern.shape[1])]
    return torch.stack(vals).mean().item()


def _score(room, model, tokens, prev, ind):
    got = room.ablation_induction_score(model, tokens, prev, ind)
    left = [name for name, h in model.hook_dict.items() if h.fwd_hooks]
    if left:
        fail(f"after ablation_induction_score, hooks are still attached at {left}", kind="value",
             details="Attach both hooks for one run only: `with model.hooks([...]):` removes them.")
    return as_number(got, call=f"ablation_induction_score(model, tokens, {prev}, {ind})")


def test_no_ablation_is_the_plain_score(room):
    """prev_head_index=None: nothing is ablated, the score is head 1.1's plain induction score."""
    model = _random_model(8)
    tokens = _repeated(3, 7, seed=8)
    got = _score(room, model, tokens, None, 1)
    assert_number_close(got, _oracle(model, tokens, None, 1), atol=1e-5,
                        call="ablation_induction_score(random model, tokens (3, 15), None, 1)")


def test_ablating_one_layer0_head(room):
    """Random model (seed 9): ablate 0.2, score head 1.3, vs the W_O oracle."""
    model = _random_model(9)
    tokens = _repeated(4, 9, seed=9)
    got = _score(room, model, tokens, 2, 3)
    assert_number_close(got, _oracle(model, tokens, 2, 3), atol=1e-5,
                        call="ablation_induction_score(random model, tokens (4, 19), 2, 3)")


def test_model_unchanged_afterwards(room):
    """After an ablated run the model gives the same logits as before."""
    model = _random_model(10)
    tokens = _repeated(2, 6, seed=10)
    before = model(tokens)
    _score(room, model, tokens, 0, 0)
    if not torch.allclose(model(tokens), before):
        fail("after ablation_induction_score(model, tokens, 0, 0), model(tokens) gives different "
             "logits: the ablation stayed in the model", kind="mutation",
             details="Zero a slice of the hooked v, not the weights, and detach your hooks.")


def test_trained_model_table(room):
    """Shipped model, seq_len 20, batch 10: every layer-0 ablation (and none) x every induction head."""
    model = tiny_lens.load_model()
    tokens = _repeated(10, 20, seed=0)
    table = torch.zeros(5, 4)
    for row, prev in enumerate([None, 0, 1, 2, 3]):
        for ind in range(4):
            table[row, ind] = _score(room, model, tokens, prev, ind)
            assert_number_close(table[row, ind].item(), _oracle(model, tokens, prev, ind),
                                atol=1e-4, call=f"ablation_induction_score(trained model, "
                                f"tokens (10, 41), {prev}, {ind})")
    show_picture(torch.kron(table.clamp(0, 1), torch.ones(16, 24)), "induction scores of heads "
                 "1.0-1.3 (columns); rows: no ablation, then 0.0, 0.1, 0.2, 0.3 ablated")
    note("induction score with no ablation: " + " ".join(f"{v:.2f}" for v in table[0])
         + "; with 0.2 ablated: " + " ".join(f"{v:.2f}" for v in table[3]))
