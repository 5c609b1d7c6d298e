"""Cases for head_mean_ablation_hook, alone and through the given get_ablation_scores. The
oracle mean-ablates on hook_result instead (the head's result is z @ W_O, linear in z, so
the batch mean commutes) and computes the second-half loss with its own log_softmax."""

from functools import partial

import torch

import tiny_lens
from arena_dungeon.testing import assert_tensor_close, note, show_picture


def _repeated(batch, seq_len, seed):
    gen = torch.Generator().manual_seed(seed)
    x = torch.randint(1, 64, (batch, seq_len), generator=gen)
    return torch.cat([torch.zeros(batch, 1, dtype=torch.long), x, x], dim=1)


def _hook_on(room, z, head):
    hook = tiny_lens.HookPoint()
    hook.name = "blocks.1.attn.hook_z"
    out = room.head_mean_ablation_hook(z, hook, head_index_to_ablate=head)
    return out if isinstance(out, torch.Tensor) else z


def _mean_result(result, hook, head):
    result = result.clone()
    result[:, :, head] = result[:, :, head].mean(0, keepdim=True)
    return result


def _second_half_loss(model, tokens, fwd_hooks=()):
    seq_len = (tokens.shape[1] - 1) // 2
    logits = model.run_with_hooks(tokens, fwd_hooks=fwd_hooks)
    logp = logits.log_softmax(-1)[:, :-1]
    per_token = -logp.gather(-1, tokens[:, 1:, None])[..., 0]
    return per_token[:, -(seq_len - 1):].mean()


def _oracle_scores(model, tokens):
    clean = _second_half_loss(model, tokens)
    scores = torch.zeros(model.cfg.n_layers, model.cfg.n_heads)
    for layer in range(model.cfg.n_layers):
        for head in range(model.cfg.n_heads):
            hooks = [(f"blocks.{layer}.attn.hook_result", partial(_mean_result, head=head))]
            scores[layer, head] = _second_half_loss(model, tokens, hooks) - clean
    return scores


def test_hook_hand_case(room):
    """z (3, 4, 2, 2), head 1: every batch element's head-1 slice becomes the batch mean."""
    torch.manual_seed(0)
    z = torch.randn(3, 4, 2, 2)
    expected = z.clone()
    expected[:, :, 1] = z[:, :, 1].mean(0)
    got = _hook_on(room, z, 1)
    assert_tensor_close(got, expected, call="head_mean_ablation_hook(z (3, 4, 2, 2), hook, "
                        "head_index_to_ablate=1) (z after the call)", dims="batch seq head d_head",
                        atol=1e-6)


def test_batch_of_one_is_unchanged(room):
    """z (1, 6, 3, 4), head 0: the mean of one element is itself, so nothing changes."""
    torch.manual_seed(1)
    z = torch.randn(1, 6, 3, 4)
    expected = z.clone()
    got = _hook_on(room, z, 0)
    assert_tensor_close(got, expected, call="head_mean_ablation_hook(z (1, 6, 3, 4), hook, "
                        "head_index_to_ablate=0) (z after the call)", dims="batch seq head d_head",
                        atol=1e-6)


def test_scores_on_a_random_model(room):
    """Random model (seed 7), seq_len 8, batch 4: get_ablation_scores with your hook vs the oracle."""
    torch.manual_seed(7)
    model = tiny_lens.HookedTransformer(tiny_lens.Config(init_range=0.25)).eval()
    for p in model.parameters():
        p.requires_grad_(False)
    tokens = _repeated(4, 8, seed=7)
    got = room.get_ablation_scores(model, tokens, ablation_function=room.head_mean_ablation_hook)
    assert_tensor_close(got, _oracle_scores(model, tokens), call="get_ablation_scores(random model, "
                        "tokens (4, 17), ablation_function=head_mean_ablation_hook)",
                        dims="layer head", atol=1e-4)


def test_trained_model_scores(room):
    """The shipped model, seq_len 20, batch 10: mean ablation, with a picture."""
    model = tiny_lens.load_model()
    tokens = _repeated(10, 20, seed=0)
    got = room.get_ablation_scores(model, tokens, ablation_function=room.head_mean_ablation_hook)
    assert_tensor_close(got, _oracle_scores(model, tokens), call="get_ablation_scores(trained model, "
                        "tokens (10, 41), ablation_function=head_mean_ablation_hook)",
                        dims="layer head", atol=1e-3)
    img = torch.kron((got / got.max().clamp(min=1e-6)).clamp(0, 1), torch.ones(24, 24))
    show_picture(img, "loss increase when a head is mean-ablated: rows = layers, columns = heads "
                 "(white = the largest)")
    note("loss increase (mean ablation): " + "; ".join(
        f"{l}.{h} {got[l, h]:+.2f}" for l in range(2) for h in range(4)))
