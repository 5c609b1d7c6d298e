"""Cases for add_mean_ablation_hook and the CIRCUIT it is used with. The oracle builds
its own keep mask (a loop over prompts and circuit heads) and its own per-template
means. The circuit is then scored on the trained model: faithfulness (the circuit's
logit difference over the full model's) at least 0.8, and minimality: removing any one
(role, head) from it costs at least 0.01 of faithfulness."""

import torch

import ioi_dataset as ioi
from arena_dungeon.testing import assert_tensor_close, call, fail, load_asset_module, note, show_signed

ref = load_asset_module(__file__, "reference")
FAITHFULNESS, MIN_DROP = 0.8, 0.01


def _oracle_means(model, means_ds):
    """(n_layers, batch, seq, head, d_head): each prompt gets its template's mean z."""
    model.reset_hooks()
    _, cache = model.run_with_cache(means_ds.toks)
    cfg, (batch, seq) = model.cfg, means_ds.toks.shape
    means = torch.zeros(cfg.n_layers, batch, seq, cfg.n_heads, cfg.d_head)
    for l in range(cfg.n_layers):
        z = cache["z", l]
        for t in means_ds.template_ids.unique().tolist():
            rows = [b for b in range(means_ds.n) if int(means_ds.template_ids[b]) == t]
            means[l, rows] = z[rows].mean(0)
    return means


def _oracle_logits(model, ds, means_ds, circuit, seq_pos, means=None):
    means = _oracle_means(model, means_ds) if means is None else means
    model.reset_hooks()
    cfg, (batch, seq) = model.cfg, ds.toks.shape
    keep = torch.zeros(cfg.n_layers, batch, seq, cfg.n_heads, dtype=torch.bool)
    for role, heads in circuit.items():
        for b in range(batch):
            for l, h in heads:
                keep[l, b, int(means_ds.word_idx[seq_pos[role]][b]), h] = True

    def hook(z, hook):
        l = hook.layer()
        return torch.where(keep[l, ..., None], z, means[l])
    return model.run_with_hooks(ds.toks, fwd_hooks=[(lambda n: n.endswith("hook_z"), hook)])


def _run_room(room, model, ds, means_ds, circuit, seq_pos):
    model.reset_hooks()
    returned = call(room.add_mean_ablation_hook, model, means_ds, circuit, seq_pos)
    if returned is not model:
        fail("add_mean_ablation_hook must return the model it was given (with the hook added)")
    logits = model(ds.toks)
    model.reset_hooks()
    return logits


def test_random_model_small_circuit(room):
    """Random 2-layer, 3-head model; 8 prompts of 4 templates; means from ABC prompts."""
    model = ref.random_model(30)
    ds = ioi.IOIDataset(8, seed=30, templates=ioi.TRAIN_TEMPLATES[:4])
    means_ds = ds.abc(seed=31)
    circuit, seq_pos = {"a": [(0, 1)], "b": [(1, 0), (1, 2)]}, {"a": "S2", "b": "end"}
    got = _run_room(room, model, ds, means_ds, circuit, seq_pos)
    assert_tensor_close(got[:, -1], _oracle_logits(model, ds, means_ds, circuit, seq_pos)[:, -1],
                        atol=1e-4, call="logits at END after add_mean_ablation_hook(random model, abc, "
                        f"{circuit}, {seq_pos})", dims="batch d_vocab")


def test_empty_circuit_is_all_means(room):
    """Empty circuit: every head's z becomes its template mean at every position."""
    model = ref.random_model(31, n_layers=3, n_heads=2)
    ds = ioi.IOIDataset(6, seed=32, templates=ioi.TRAIN_TEMPLATES[2:5])
    means_ds = ds.flip_s2()
    got = _run_room(room, model, ds, means_ds, {}, {})
    assert_tensor_close(got, _oracle_logits(model, ds, means_ds, {}, {}), atol=1e-4,
                        call="model(ds.toks) after add_mean_ablation_hook(random model, flipped, {}, {})",
                        dims="batch seq d_vocab")


def test_calling_twice_replaces_the_hook(room):
    """Two calls in a row: only the second circuit's ablation may be active."""
    model = ref.random_model(32)
    ds = ioi.IOIDataset(6, seed=33, templates=ioi.TRAIN_TEMPLATES[:3])
    means_ds = ds.abc(seed=34)
    model.reset_hooks()
    call(room.add_mean_ablation_hook, model, means_ds, {"x": [(0, 0), (1, 1)]}, {"x": "end"})
    call(room.add_mean_ablation_hook, model, means_ds, {"y": [(0, 2), (1, 1)]}, {"y": "IO"})
    got = model(ds.toks)
    model.reset_hooks()
    expected = _oracle_logits(model, ds, means_ds, {"y": [(0, 2), (1, 1)]}, {"y": "IO"})
    assert_tensor_close(got, expected, atol=1e-4, call="model(ds.toks) after two calls of "
                        "add_mean_ablation_hook (the second with circuit y)", dims="batch seq d_vocab")


def _faithfulness(model, ds, means_ds, circuit, seq_pos, full, means):
    logits = _oracle_logits(model, ds, means_ds, circuit, seq_pos, means)
    return float(ref.logit_diff_loop(logits, ds.answer_tokens).mean() / full)


def _circuit(room):
    circuit, seq_pos = getattr(room, "CIRCUIT", None), getattr(room, "SEQ_POS_TO_KEEP", None)
    if not isinstance(circuit, dict) or not circuit or not isinstance(seq_pos, dict):
        fail("CIRCUIT and SEQ_POS_TO_KEEP must be non-empty dicts at the top of your file")
    for role, heads in circuit.items():
        if seq_pos.get(role) not in ("IO", "S1", "S2", "end"):
            fail(f"SEQ_POS_TO_KEEP[{role!r}] must be one of 'IO', 'S1', 'S2', 'end'")
        if not all(isinstance(x, tuple) and len(x) == 2 and 0 <= x[0] < 3 and 0 <= x[1] < 4 for x in heads):
            fail(f"CIRCUIT[{role!r}] must be a list of (layer, head) tuples, layer 0-2, head 0-3")
    return circuit, seq_pos


def _trained_setup():
    model = ioi.load_ioi_model()
    ds = ioi.IOIDataset(140, seed=30, templates=ioi.TRAIN_TEMPLATES)
    means_ds = ds.abc(seed=31)
    full = float(ref.logit_diff_loop(model(ds.toks), ds.answer_tokens).mean())
    return model, ds, means_ds, full, _oracle_means(model, means_ds)


def test_circuit_is_faithful(room):
    """Your CIRCUIT on the trained model: its logit difference is at least 0.8 of the full model's."""
    circuit, seq_pos = _circuit(room)
    model, ds, means_ds, full, means = _trained_setup()
    got = _run_room(room, model, ds, means_ds, circuit, seq_pos)
    faith_room = float(ref.logit_diff_loop(got, ds.answer_tokens).mean() / full)
    faith = _faithfulness(model, ds, means_ds, circuit, seq_pos, full, means)
    assert_tensor_close(torch.tensor(faith_room), torch.tensor(faith), atol=1e-3,
                        call="faithfulness of your CIRCUIT with your hook vs the oracle's")
    if faith < FAITHFULNESS:
        fail(f"your CIRCUIT keeps {faith:.2f} of the logit difference; the room asks for at least "
             f"{FAITHFULNESS}", details="Which paths did the path-patching rooms find? Heads can be "
             "kept at more than one word by listing them in more than one role.")
    note(f"faithfulness of your circuit: {faith:.3f} (full model logit diff {full:.2f})")


def test_circuit_is_minimal(room):
    """Removing any one (role, head) from your CIRCUIT lowers faithfulness by at least 0.01."""
    circuit, seq_pos = _circuit(room)
    model, ds, means_ds, full, means = _trained_setup()
    base = _faithfulness(model, ds, means_ds, circuit, seq_pos, full, means)
    drops = {}
    for role, heads in circuit.items():
        for head in heads:
            smaller = {r: [h for h in hs if (r, h) != (role, head)] for r, hs in circuit.items()}
            drops[role, head] = base - _faithfulness(model, ds, means_ds, smaller, seq_pos, full, means)
    weak = {k: v for k, v in drops.items() if v < MIN_DROP}
    if weak:
        fail("your CIRCUIT is not minimal: removing these costs less than 0.01 of faithfulness: "
             + ", ".join(f"{h[0]}.{h[1]} as {r!r} ({v:+.4f})" for (r, h), v in weak.items()))
    grid = torch.zeros(3, 4)
    for (role, (l, h)), v in drops.items():
        grid[l, h] = max(grid[l, h], v)
    show_signed(grid, caption="faithfulness lost when a head is removed from your "
                 "circuit (largest over its roles): rows = layers 0-2, columns = heads 0-3")
    note("cost of removing each: " + ", ".join(f"{h[0]}.{h[1]}@{seq_pos[r]} {v:.3f}"
                                               for (r, h), v in drops.items()))
