"""Cases for residual_stack_to_logit_diff: a loop oracle on random stacks with one and two
leading dims, and on the trained model the per-head split, whose sum plus the biases must
give back the model's own logit difference."""

import torch

import ioi_dataset as ioi
from arena_dungeon.testing import fresh_seed, assert_tensor_close, call, load_asset_module, note, show_signed

ref = load_asset_module(__file__, "reference")


def _oracle(stack, directions):
    flat = stack.reshape(-1, *stack.shape[-2:])
    out = torch.zeros(flat.shape[0])
    for c in range(flat.shape[0]):
        for b in range(flat.shape[1]):
            out[c] += flat[c, b] @ directions[b] / flat.shape[1]
    return out.reshape(stack.shape[:-2])


def test_hand_checked(room):
    """2 components, batch 2, d_model 2."""
    stack = torch.tensor([[[1., 0.], [0., 2.]], [[3., 1.], [1., 1.]]])
    directions = torch.tensor([[1., 1.], [2., -1.]])
    # component 0: (1 + -2) / 2 = -0.5; component 1: (4 + 1) / 2 = 2.5
    got = call(room.residual_stack_to_logit_diff, stack, directions)
    assert_tensor_close(got, torch.tensor([-0.5, 2.5]), call="residual_stack_to_logit_diff("
                        "stack (2, 2, 2), directions (2, 2))", dims="components")


def test_random_stack_one_leading_dim(room):
    """stack (5, 9, 6) against a loop; the batch (9) differs from the components (5)."""
    gen = torch.Generator().manual_seed(fresh_seed(0))
    stack, directions = torch.randn(5, 9, 6, generator=gen), torch.randn(9, 6, generator=gen)
    got = call(room.residual_stack_to_logit_diff, stack, directions)
    assert_tensor_close(got, _oracle(stack, directions), call="residual_stack_to_logit_diff("
                        "stack (5, 9, 6), directions (9, 6))", dims="components", atol=1e-5)


def test_two_leading_dims(room):
    """stack (3, 4, 7, 5), e.g. (layer, head, batch, d_model): the answer is (3, 4)."""
    gen = torch.Generator().manual_seed(fresh_seed(1))
    stack, directions = torch.randn(3, 4, 7, 5, generator=gen), torch.randn(7, 5, generator=gen)
    got = call(room.residual_stack_to_logit_diff, stack, directions)
    assert_tensor_close(got, _oracle(stack, directions), call="residual_stack_to_logit_diff("
                        "stack (3, 4, 7, 5), directions (7, 5))", dims="layer head", atol=1e-5)


def test_per_head_split_of_the_trained_model(room):
    """Trained model, 100 prompts: every head's output at END, stacked (12, 100, 64), plus
    the embedding and the biases, adds up to the model's logit difference."""
    model = ioi.load_ioi_model()
    ds = ioi.IOIDataset(100, seed=5, templates=ioi.TRAIN_TEMPLATES)
    logits, cache = model.run_with_cache(ds.toks)
    W_U = model.W_U
    directions = W_U[:, ds.io_tokens].T - W_U[:, ds.s_tokens].T  # (batch, d_model)
    n_layers, n_heads = model.cfg.n_layers, model.cfg.n_heads
    per_head = torch.stack([cache["result", l][:, -1, h] for l in range(n_layers)
                            for h in range(n_heads)])  # (12, batch, d_model)
    got = call(room.residual_stack_to_logit_diff, per_head, directions)
    assert_tensor_close(got, _oracle(per_head, directions), call="residual_stack_to_logit_diff("
                        "per-head stack (12, 100, 64), directions)", dims="heads", atol=1e-4)
    rest = torch.stack([cache["embed"][:, -1], model.b_O.sum(0).expand(ds.n, -1)])
    bias = (model.b_U[ds.io_tokens] - model.b_U[ds.s_tokens]).mean()
    total = got.sum() + call(room.residual_stack_to_logit_diff, rest, directions).sum() + bias
    assert_tensor_close(total, ref.logit_diff_loop(logits, ds.answer_tokens).mean(), atol=1e-3,
                        call="sum over heads + embed + b_O + b_U, vs the model's logit difference")
    grid = got.reshape(n_layers, n_heads)
    show_signed(grid, caption="direct logit attribution per head: rows = layers "
                 "0-2, columns = heads 0-3 (blue pushes IO up, red pushes S up)")
    note("per-head direct logit attribution: " + ref.head_grid(grid))
