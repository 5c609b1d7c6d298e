"""Cases for TransformerTrainer: the loss, AdamW steps, accuracy, and a model that really learns."""

import copy
import math

import torch
import torch.nn.functional as F

from arena_dungeon.testing import as_number, assert_number_close, curve, fail, note, progress

V, S = 16, 12  # vocabulary and sequence length of the progressions task


def progressions(n, seed):
    """Sequences a, a + d, a + 2d, ... (mod 16) with a random start a and step d in {1, 2, 3}."""
    g = torch.Generator().manual_seed(seed)
    start = torch.randint(0, V, (n, 1), generator=g)
    step = torch.randint(1, 4, (n, 1), generator=g)
    return (start + step * torch.arange(S)) % V


def make(room, n_train=64 * 32, n_test=100, lr=1e-3, seed=0):
    torch.manual_seed(seed)
    cfg = room.Config(d_model=32, debug=False, layer_norm_eps=1e-5, d_vocab=V, init_range=0.02,
                      n_ctx=S, d_head=8, d_mlp=64, n_heads=4, n_layers=2)
    model = room.DemoTransformer(cfg)
    args = room.TransformerTrainingArgs(batch_size=32, epochs=1, max_steps_per_epoch=1000, lr=lr,
                                        weight_decay=1e-2)
    return room.TransformerTrainer(args, model, progressions(n_train, seed + 1),
                                   progressions(n_test, seed + 2))


def next_token_loss(model, tokens):
    """Oracle: mean cross-entropy of logits[:, :-1] against tokens[:, 1:]."""
    logits = model(tokens)
    return F.cross_entropy(logits[:, :-1].reshape(-1, logits.shape[-1]), tokens[:, 1:].reshape(-1))


def test_training_step_returns_next_token_loss(room):
    """Before any update, the returned loss is the mean next-token cross-entropy of the batch."""
    trainer = make(room)
    batch = {"tokens": progressions(32, 10)}
    with torch.no_grad():
        expected = next_token_loss(trainer.model, batch["tokens"]).item()
    got = trainer.training_step(batch)
    assert_number_close(got, expected, call="training_step(batch)", atol=1e-5, rtol=1e-4)


def test_training_steps_match_adamw(room):
    """Three steps: the parameters end where three zero_grad/backward/AdamW steps put a copy."""
    trainer = make(room, seed=3)
    twin = copy.deepcopy(trainer.model)
    opt = torch.optim.AdamW(twin.parameters(), lr=trainer.args.lr, weight_decay=1e-2)
    for i in range(3):
        batch = {"tokens": progressions(32, 20 + i)}
        trainer.training_step(batch)
        opt.zero_grad()
        next_token_loss(twin, batch["tokens"]).backward()
        opt.step()
    for (name, p), q in zip(trainer.model.named_parameters(), twin.parameters()):
        if not torch.allclose(p, q, atol=1e-6, rtol=1e-5):
            err = (p - q).abs().max().item()
            fail(f"after 3 training steps `{name}` differs from 3 AdamW steps by up to {err:.3g}: "
                 "zero the gradients, backward the loss, step the optimiser, once per call",
                 kind="value")


def test_evaluate_counts_correct_next_tokens(room):
    """A random model on 100 test sequences: the fraction of next tokens its argmax gets right."""
    trainer = make(room, seed=5)
    with torch.no_grad():
        for p in trainer.model.parameters():
            p.add_(torch.randn(p.shape, generator=torch.Generator().manual_seed(p.numel())) * 0.5)
    before = [p.detach().clone() for p in trainer.model.parameters()]
    got = as_number(trainer.evaluate(), call="evaluate()")
    tokens = trainer.test_tokens
    hits = 0
    with torch.no_grad():
        for seq in tokens:  # slow oracle: one sequence and one position at a time
            logits = trainer.model(seq[None])[0]
            hits += sum(int(logits[i].argmax()) == int(seq[i + 1]) for i in range(S - 1))
    expected = hits / (len(tokens) * (S - 1))
    assert_number_close(got, expected, call="evaluate()", atol=1e-9)
    if any(not torch.equal(a, b) for a, b in zip(before, trainer.model.parameters())):
        fail("evaluate() changed the model's parameters: evaluation must not train", kind="value")


def test_evaluate_tracks_no_gradients(room):
    """evaluate() runs every forward pass with gradients off (no_grad / inference_mode): no
    graph is built for the whole test set."""
    trainer = make(room, seed=6)
    modes = []
    handle = trainer.model.register_forward_pre_hook(lambda m, a: modes.append(torch.is_grad_enabled()))
    try:
        trainer.evaluate()
    finally:
        handle.remove()
    if not modes:
        fail("evaluate() never called the model", kind="value")
    if any(modes):
        fail(f"{sum(modes)} of evaluate()'s {len(modes)} forward passes tracked gradients: wrap "
             "the loop in torch.inference_mode() (or no_grad)", kind="value")


def test_model_learns_progressions(room):
    """150 steps on arithmetic progressions mod 16: mean loss of the last 10 steps < 0.35, accuracy > 0.85."""
    trainer = make(room, n_train=150 * 32, lr=3e-3, seed=7)
    losses = []
    steps = 150
    for i, batch in enumerate(trainer.train_loader()):
        if i >= steps:
            break
        losses.append(as_number(trainer.training_step(batch), call="training_step(batch)"))
        if i % 10 == 0:
            progress(i, steps, f"loss {losses[-1]:.3f}")
    progress(steps, steps, "evaluating")
    curve("loss", losses)
    final = sum(losses[-10:]) / 10
    accuracy = as_number(trainer.evaluate(), call="evaluate()")
    note(f"loss {losses[0]:.3f} -> {final:.3f} (uniform guess: ln 16 = {math.log(16):.3f}; "
         f"best possible: ln 3 / 11 = {math.log(3) / 11:.3f}); test accuracy {accuracy:.1%}")
    if not final < 0.35:
        fail(f"after {steps} steps the mean loss of the last 10 is {final:.3f}, expected < 0.35",
             kind="value")
    if not accuracy > 0.85:
        fail(f"after {steps} steps test accuracy is {accuracy:.3f}, expected > 0.85", kind="value")
