"""Cases for head_zero_ablation_hook and get_ablation_scores. The oracle ablates a head
without hooks, by zeroing its rows of W_O (z @ W_O is the head's only output), and computes
the second-half loss with its own log_softmax."""

import torch

import tiny_lens
from arena_dungeon.testing import assert_tensor_close, describe, fail, note, show_picture


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


def _second_half_loss(model, tokens):
    seq_len = (tokens.shape[1] - 1) // 2
    logp = model(tokens).log_softmax(-1)[:, :-1]
    per_token = -logp.gather(-1, tokens[:, 1:, None])[..., 0]
    return per_token[:, -(seq_len - 1):].mean()


def _oracle_scores(model, tokens):
    clean = _second_half_loss(model, tokens)
    scores = torch.zeros(model.cfg.n_layers, model.cfg.n_heads)
    for layer, block in enumerate(model.blocks):
        for head in range(model.cfg.n_heads):
            saved = block.attn.W_O[head].clone()
            block.attn.W_O[head] = 0.0
            try:
                scores[layer, head] = _second_half_loss(model, tokens) - clean
            finally:
                block.attn.W_O[head] = saved
    return scores


def _no_hooks_left(model, what):
    left = [name for name, h in model.hook_dict.items() if h.fwd_hooks]
    if left:
        fail(f"after {what}, hooks are still attached at {left[:3]}", kind="value",
             details="Use model.run_with_hooks (or the model.hooks context manager): hooks "
                     "added with add_hook stay until reset_hooks().")


def test_hook_zeroes_one_head(room):
    """z (2, 5, 4, 3), head_index_to_ablate=2: head 2 becomes zero, heads 0, 1, 3 unchanged."""
    torch.manual_seed(0)
    z = torch.randn(2, 5, 4, 3)
    original = z.clone()
    hook = tiny_lens.HookPoint()
    hook.name = "blocks.0.attn.hook_z"
    out = room.head_zero_ablation_hook(z, hook, head_index_to_ablate=2)
    got = out if isinstance(out, torch.Tensor) else z
    expected = original.clone()
    expected[:, :, 2] = 0.0
    assert_tensor_close(got, expected, call="head_zero_ablation_hook(z (2, 5, 4, 3), hook, "
                        "head_index_to_ablate=2) (z after the call)", dims="batch seq head d_head")


def test_hook_inside_a_run(room):
    """Random model: your hook (via partial) on blocks.0.attn.hook_z for head 1 gives the same
    logits as zeroing head 0.1's W_O."""
    from functools import partial

    model = _random_model(4)
    tokens = _repeated(2, 6, seed=4)
    got = model.run_with_hooks(tokens, fwd_hooks=[(
        "blocks.0.attn.hook_z", partial(room.head_zero_ablation_hook, head_index_to_ablate=1))])
    model.blocks[0].attn.W_O[1] = 0.0
    assert_tensor_close(got, model(tokens), call="logits with head 0.1 zero-ablated by your hook",
                        dims="batch seq vocab", atol=1e-4)


def test_scores_on_a_random_model(room):
    """Random model (seed 5), BOS + x + x with seq_len 8, batch 3: scores vs the W_O oracle."""
    model = _random_model(5)
    tokens = _repeated(3, 8, seed=5)
    got = room.get_ablation_scores(model, tokens)
    _no_hooks_left(model, "get_ablation_scores")
    assert_tensor_close(got, _oracle_scores(model, tokens), call="get_ablation_scores(random "
                        "model, tokens (3, 17))", dims="layer head", atol=1e-4)


def test_ablation_function_is_used(room):
    """get_ablation_scores(..., ablation_function=f) calls f for every (layer, head); an f that
    changes nothing gives all-zero scores."""
    model = _random_model(6)
    tokens = _repeated(2, 5, seed=6)
    seen = []

    def do_nothing(z, hook, head_index_to_ablate):
        seen.append((hook.layer(), head_index_to_ablate))

    got = room.get_ablation_scores(model, tokens, ablation_function=do_nothing)
    expected_calls = [(l, h) for l in range(2) for h in range(4)]
    if sorted(set(seen)) != expected_calls:
        fail(f"with ablation_function=f, f was called for (layer, head) {sorted(set(seen))}, "
             f"expected each of {expected_calls}", kind="value",
             details="Bind the head with functools.partial(ablation_function, "
                     "head_index_to_ablate=head) and hook it on get_act_name('z', layer).")
    assert_tensor_close(got, torch.zeros(2, 4), call="get_ablation_scores with an ablation "
                        "function that changes nothing", dims="layer head", atol=1e-5)


def test_trained_model_scores(room):
    """The shipped model, seq_len 20, batch 10: which heads the repeated half cannot do without."""
    model = tiny_lens.load_model()
    tokens = _repeated(10, 20, seed=0)
    got = room.get_ablation_scores(model, tokens)
    _no_hooks_left(model, "get_ablation_scores")
    if not isinstance(got, torch.Tensor):
        fail(f"get_ablation_scores returned {describe(got)}, expected a (2, 4) tensor", kind="type")
    assert_tensor_close(got, _oracle_scores(model, tokens), call="get_ablation_scores(trained "
                        "model, tokens (10, 41))", dims="layer head", atol=1e-3)
    img = torch.kron((got / got.max().clamp(min=1e-6)).clamp(0, 1), torch.ones(24, 24))
    show_picture(img, "loss increase when a head is zeroed: rows = layers, columns = heads "
                 "(white = the largest)")
    note("loss increase: " + "; ".join(f"{l}.{h} {got[l, h]:+.2f}" for l in range(2)
                                        for h in range(4)))
