"""Cases for ablate_head_to_balanced_mean and failure_detection_by_head. The oracle ablates
one step later, on hook_result (z @ W_O, linear in z, so the mean commutes), and labels the
strings with its own loop."""

import torch

import brackets
from arena_dungeon.testing import (assert_tensor_close, call, fail, load_asset_module, note,
                                   show_picture)

CHECKS = load_asset_module(__file__, "bracket_checks")
KINDS = ["balanced", "negative only", "elevation only", "both"]


def _kind(s):
    level, dipped = 0, False
    for c in s:
        level += 1 if c == "(" else -1
        dipped |= level < 0
    return [(False, False), (True, False), (False, True), (True, True)].index((dipped, level != 0))


def _oracle_logits(model, data, layer, head, cache=None):
    name = f"blocks.{layer}.attn.hook_result"
    if cache is None:
        _, cache = model.run_with_cache(data.toks, names_filter=name)
    mean = cache[name][data.isbal, :, head].mean(0)  # (seq, d_model)

    def replace(result, hook):
        result = result.clone()
        result[:, :, head] = mean
        return result

    return model.run_with_hooks(data.toks, fwd_hooks=[(name, replace)])[:, 0]


def _oracle_scores(model, data):
    kinds = torch.tensor([_kind(s) for s in data.strs])
    scores = torch.full((model.cfg.n_layers, model.cfg.n_heads, 4), float("nan"))
    _, cache = model.run_with_cache(data.toks, names_filter=lambda n: n.endswith("hook_result"))
    for layer in range(model.cfg.n_layers):
        for head in range(model.cfg.n_heads):
            logits = _oracle_logits(model, data, layer, head, cache)
            correct = (logits.argmax(-1) == 1) == data.isbal
            for k in range(4):
                if (kinds == k).any():
                    scores[layer, head, k] = correct[kinds == k].float().mean()
    return scores


def _mixed_data(seed, n=40):
    """Random strings plus balanced ones, so that every kind occurs."""
    data = CHECKS.random_data(seed, n=n)
    extra = [("()" * k, True) for k in range(1, 6)] + [("(" * k + ")" * k, True) for k in range(1, 6)]
    return brackets.BracketsDataset(data.pairs + extra)


def _no_hooks_left(model, what):
    left = [name for name, h in model.hook_dict.items() if h.fwd_hooks]
    if left:
        fail(f"after {what}, hooks are still attached at {left[:3]}", kind="value",
             details="Use model.run_with_hooks: hooks added with add_hook stay attached.")


def test_ablation_on_a_random_model(room):
    """Random model (seed 0), head 1.0: logits at position 0 vs the hook_result oracle."""
    model, data = CHECKS.random_model(0), _mixed_data(0)
    got = call(room.ablate_head_to_balanced_mean, model, data, 1, 0)
    _no_hooks_left(model, "ablate_head_to_balanced_mean")
    assert_tensor_close(got, _oracle_logits(model, data, 1, 0), atol=1e-4,
                        call="ablate_head_to_balanced_mean(random model, data, 1, 0)",
                        dims="batch class")


def test_ablation_other_head(room):
    """Same model, head 2.1 (the last layer, the second head)."""
    model, data = CHECKS.random_model(0), _mixed_data(1)
    got = call(room.ablate_head_to_balanced_mean, model, data, 2, 1)
    assert_tensor_close(got, _oracle_logits(model, data, 2, 1), atol=1e-4,
                        call="ablate_head_to_balanced_mean(random model, data, 2, 1)",
                        dims="batch class")


def test_scores_on_the_shipped_model(room):
    """The trained model, 200 strings: every head's accuracy per kind after ablation."""
    model, data = brackets.load_model(), brackets.load_data(200)
    got = call(room.failure_detection_by_head, model, data)
    _no_hooks_left(model, "failure_detection_by_head")
    expected = _oracle_scores(model, data)
    assert_tensor_close(got, expected, atol=1e-4, call="failure_detection_by_head(load_model(), "
                        "200 strings)", dims="layer head kind")
    img = torch.kron(expected[:, :, 2], torch.ones(3, 10))
    show_picture(img, "accuracy on elevation-only strings with each head mean-ablated "
                 "(rows = layers, columns = heads; dark = the model is blinded)")
    note("accuracy per kind [" + ", ".join(KINDS) + "] with each head ablated: " + "; ".join(
        f"{l}.{h} " + " ".join(f"{v:.2f}" for v in expected[l, h].tolist())
        for l in range(3) for h in range(2)))


def test_scores_on_a_random_model(room):
    """A random model (seed 3), 50 strings with every kind present."""
    model, data = CHECKS.random_model(3), _mixed_data(3)
    got = call(room.failure_detection_by_head, model, data)
    assert_tensor_close(got, _oracle_scores(model, data), atol=1e-4,
                        call="failure_detection_by_head(random model, 50 strings)",
                        dims="layer head kind")
