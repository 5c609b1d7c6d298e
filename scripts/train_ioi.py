"""Train the small attention-only model shipped with dungeon 1.4 (IOI circuits).

Run from the repository root:  python scripts/train_ioi.py   (--report: measure the
shipped weights without training)
Writes dungeons/1.4-circuits/assets/ioi_3l.pt (config + state_dict) and prints what was
measured: accuracy and logit difference on held-out name pairs and templates, each head's
direct logit attribution, head-level activation patching, and attention from END and S2.
CPU, one thread, fixed seeds.

Data (dungeons/1.4-circuits/given/ioi_dataset.py): IOI prompts from 7 training templates,
in a 64-token vocabulary (30 names, places, objects, filler words), with the answer (the
indirect object) appended. About one name pair in five and 2 templates are held out.
Loss: next-token loss on every position (the filler is predictable from the template,
the names mostly are not) + the loss on the answer, weighted up.
Measured: 3000 AdamW steps in 100-160 s wall (about 60 s of CPU) on a shared 2-core
machine, torch 2.13; two runs gave bit-identical weights. The measured head roles are
in dungeons/1.4-circuits/assets/README.md.
"""

import hashlib
import sys
import time
from dataclasses import asdict
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parent.parent
DUNGEON = ROOT / "dungeons" / "1.4-circuits"
sys.path.insert(0, str(ROOT / "dungeons" / "1.2-mech-interp" / "given"))
sys.path.insert(0, str(DUNGEON / "given"))
import ioi_dataset as ioi  # noqa: E402
from ioi_dataset import load_ioi_model  # noqa: E402
from tiny_lens import Config, HookedTransformer  # noqa: E402

OUT = DUNGEON / "assets" / "ioi_3l.pt"
STEPS, BATCH, LR, ANSWER_WEIGHT = 3000, 64, 3e-3, 1.0
CFG = Config(n_layers=3, n_heads=4, d_model=64, d_head=16, n_ctx=ioi.SEQ_LEN + 1,
             d_vocab=len(ioi.VOCAB), init_range=0.1)


def with_answers(ds: ioi.IOIDataset) -> torch.Tensor:
    return torch.cat([ds.toks, ds.io_tokens[:, None]], dim=1)


def logit_diff(logits: torch.Tensor, ds: ioi.IOIDataset) -> torch.Tensor:
    end = logits[:, -1]
    rows = torch.arange(ds.n)
    return end[rows, ds.io_tokens] - end[rows, ds.s_tokens]


@torch.no_grad()
def report(model: HookedTransformer) -> None:
    cfg = model.cfg
    sets = {
        "train templates, train pairs": ioi.IOIDataset(700, seed=101, templates=ioi.TRAIN_TEMPLATES, pairs="train"),
        "train templates, held-out pairs": ioi.IOIDataset(700, seed=102, templates=ioi.TRAIN_TEMPLATES, pairs="test"),
        "held-out templates": ioi.IOIDataset(400, seed=103, templates=ioi.TEST_TEMPLATES),
    }
    for name, ds in sets.items():
        logits = model(ds.toks)
        ld = logit_diff(logits, ds)
        names_only = logits[:, -1][:, ioi.NAME_TOKENS]
        top = ioi.NAME_TOKENS[names_only.argmax(-1)]
        acc_all = (logits[:, -1].argmax(-1) == ds.io_tokens).float().mean()
        print(f"{name:32s} logit diff {ld.mean():5.2f} (min {ld.min():5.2f})  IO>S {(ld > 0).float().mean():.3f}"
              f"  top-1 {acc_all:.3f}  top name {(top == ds.io_tokens).float().mean():.3f}")
    ds = ioi.IOIDataset(200, seed=7, templates=ioi.TRAIN_TEMPLATES)
    logits, cache = model.run_with_cache(ds.toks)
    clean = logit_diff(logits, ds).mean()
    rows = torch.arange(ds.n)
    direction = model.W_U[:, ds.io_tokens] - model.W_U[:, ds.s_tokens]  # (d_model, n)
    print(f"\nclean logit diff {clean:.2f}; direct logit attribution (END, per head):")
    dla = torch.stack([
        torch.einsum("bhd,db->bh", cache["result", layer][:, -1], direction).mean(0) for layer in range(cfg.n_layers)])
    print(f"  embed {torch.einsum('bd,db->b', cache['embed'][:, -1], direction).mean():+.2f}")
    for layer in range(cfg.n_layers):
        print("  " + "  ".join(f"{layer}.{h} {dla[layer, h]:+.2f}" for h in range(cfg.n_heads)))
    flipped = ds.flip_s2()
    corrupt = logit_diff(model(flipped.toks), ds).mean()
    print(f"\nhead activation patching (clean z into S2-flipped run, all positions), "
          f"corrupted logit diff {corrupt:.2f}; normalised metric:")
    for layer in range(cfg.n_layers):
        row = []
        for h in range(cfg.n_heads):
            def patch(z, hook, h=h, layer=layer):
                z[:, :, h] = cache["z", layer][:, :, h]
            ld = logit_diff(model.run_with_hooks(flipped.toks, [(f"blocks.{layer}.attn.hook_z", patch)]), ds).mean()
            row.append(f"{layer}.{h} {(ld - corrupt) / (clean - corrupt):+.2f}")
        print("  " + "  ".join(row))
    print("\nattention (mean): END->IO END->S1 END->S2  S2->S1 S2->IO  S2->S2-1")
    w = ds.word_idx
    for layer in range(cfg.n_layers):
        p = cache["pattern", layer]
        for h in range(cfg.n_heads):
            vals = [p[rows, h, w["end"], w["IO"]], p[rows, h, w["end"], w["S1"]], p[rows, h, w["end"], w["S2"]],
                    p[rows, h, w["S2"], w["S1"]], p[rows, h, w["S2"], w["IO"]], p[rows, h, w["S2"], w["S2"] - 1]]
            print(f"  {layer}.{h}    " + "    ".join(f"{v.mean():.2f}" for v in vals))

    abc = ds.abc()
    _, cabc = model.run_with_cache(abc.toks)
    print("\nABC prompts (three distinct names), attention END->A END->B END->C (the S2 slot):")
    for layer in range(cfg.n_layers):
        p = cabc["pattern", layer]
        print("  " + "  ".join(f"{layer}.{h} " + " ".join(
            f"{p[rows, h, w['end'], w[k]].mean():.2f}" for k in ("IO", "S1", "S2")) for h in range(cfg.n_heads)))

    def freeze_except(sender, skip_layer=None):
        def hook(z, hook):
            layer = hook.layer()
            if layer == skip_layer:
                return
            z[:] = cache["z", layer]
            if layer == sender[0]:
                z[:, :, sender[1]] = cabc["z", layer][:, :, sender[1]]
        return (lambda n: n.endswith("hook_z"), hook)

    print("\npath patching (ABC as the new input), (logit diff - clean) / clean:")
    print("  sender -> final residual")
    for layer in range(cfg.n_layers):
        print("    " + "  ".join(f"{layer}.{h} {(logit_diff(model.run_with_hooks(ds.toks, [freeze_except((layer, h))]), ds).mean() - clean) / clean:+.2f}" for h in range(cfg.n_heads)))
    for recv in (1, 2):
        for kind in ("q", "k", "v"):
            name = f"blocks.{recv}.attn.hook_{kind}"
            row = []
            for layer in range(recv):
                for h in range(cfg.n_heads):
                    with model.hooks([freeze_except((layer, h), recv)]):
                        _, c2 = model.run_with_cache(ds.toks, names_filter=name)
                    def put(x, hook, c2=c2, name=name):
                        return c2[name]
                    row.append(f"{layer}.{h} {(logit_diff(model.run_with_hooks(ds.toks, [(name, put)]), ds).mean() - clean) / clean:+.2f}")
            print(f"  sender -> every layer-{recv} head's {kind}: " + "  ".join(row))

    means = [cabc["z", layer].mean(0) for layer in range(cfg.n_layers)]

    def circuit_ld(circuit):
        def ablate(z, hook):
            keep = torch.tensor([(hook.layer(), h) in circuit for h in range(cfg.n_heads)])
            z[:, :, ~keep] = means[hook.layer()][None][:, :, ~keep]
        return logit_diff(model.run_with_hooks(ds.toks, [(lambda n: n.endswith("hook_z"), ablate)]), ds).mean()
    print("\nmean-ablating every head outside a circuit (ABC means, all positions), logit diff / clean:")
    for circuit in ([], [(0, 2), (1, 2)], [(0, 2), (1, 0), (1, 1), (1, 2)],
                    [(0, 2), (1, 0), (1, 1), (1, 2), (1, 3), (2, 0), (2, 2), (2, 3)],
                    [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (1, 3), (2, 0), (2, 2), (2, 3)]):
        print(f"  {' '.join(f'{layer}.{h}' for layer, h in circuit) or '(none)':40s} {circuit_ld(circuit) / clean:.2f}")


def main():
    torch.set_num_threads(1)
    if "--report" in sys.argv:  # measure the shipped weights only
        report(load_ioi_model())
        return
    torch.manual_seed(0)
    start = time.time()
    pool = ioi.IOIDataset(20000, seed=0, templates=ioi.TRAIN_TEMPLATES, pairs="train")
    data = with_answers(pool)
    print(f"built {pool.n} training prompts in {time.time() - start:.1f} s")
    model = HookedTransformer(CFG)
    opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    gen = torch.Generator().manual_seed(1)
    for step in range(1, STEPS + 1):
        idx = torch.randint(pool.n, (BATCH,), generator=gen)
        tokens = data[idx]
        per_token = model(tokens, return_type="loss", loss_per_token=True)  # (batch, 16)
        loss = per_token.mean() + ANSWER_WEIGHT * per_token[:, -1].mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step % 500 == 0 or step == 1:
            print(f"step {step:5d}  loss {loss.item():.3f}  answer loss {per_token[:, -1].mean().item():.3f}")
    print(f"trained {STEPS} steps in {time.time() - start:.1f} s (wall, data included)")
    model.eval()
    report(model)
    state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"config": asdict(CFG), "state_dict": state}, OUT)
    blob = OUT.read_bytes()
    print(f"wrote {OUT.relative_to(ROOT)}: {len(blob)} bytes, sha256 {hashlib.sha256(blob).hexdigest()}")


if __name__ == "__main__":
    main()
