"""Train the modular-addition transformer of dungeon 1.5's grokking rooms, and record the run.

Run from the repository root:  python scripts/train_grokking.py
Writes dungeons/1.5-algorithmic-interp/assets/grokking_checkpoints.pt (config + a few
float16 state_dicts across training) and grokking_run.json (train/test loss every 10
steps, the excluded loss for the key frequencies, the train split), then prints the
measured facts recorded in that folder's README.md. CPU, one thread, fixed seeds.

Task: (a + b) mod p with p = 53, tokens [a, b, =]; 40% of the p*p pairs for training,
full batch. Model (`given/grokking.py`): one layer, 4 heads of 16, d_model 64, d_mlp 256,
ReLU, no LayerNorm. AdamW lr 3e-3, weight decay 1.0, betas (0.9, 0.98), 1500 steps.
The model memorises the train split in ~300 steps, then generalises (grokking).

`python scripts/train_grokking.py --facts` skips training and prints the facts of the
shipped checkpoints.
"""

import json
import sys
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parent.parent
DUNGEON = ROOT / "dungeons" / "1.5-algorithmic-interp"
sys.path.insert(0, str(DUNGEON / "given"))
from grokking import (  # noqa: E402
    Config,
    GrokkingTransformer,
    all_inputs,
    cross_entropy_high_precision,
)

CKPT_OUT = DUNGEON / "assets" / "grokking_checkpoints.pt"
RUN_OUT = DUNGEON / "assets" / "grokking_run.json"
P, FRAC, LR, WD, STEPS, LOG_EVERY = 53, 0.4, 3e-3, 1.0, 1500, 10
CKPT_STEPS = [0, 200, 400, 500, 600, 700, 900, 1500]


def fourier_basis(p: int) -> torch.Tensor:
    x = torch.arange(p, dtype=torch.float64)
    rows = [torch.ones(p, dtype=torch.float64)]
    for k in range(1, p // 2 + 1):
        rows += [torch.cos(2 * torch.pi * k * x / p), torch.sin(2 * torch.pi * k * x / p)]
    basis = torch.stack(rows)
    return (basis / basis.norm(dim=1, keepdim=True)).float()


def trig_sum_directions(k: int, p: int) -> tuple[torch.Tensor, torch.Tensor]:
    x = torch.arange(p)
    s = (x[:, None] + x[None, :]).double()
    c, sn = torch.cos(2 * torch.pi * k * s / p), torch.sin(2 * torch.pi * k * s / p)
    return (c / c.norm()).float().flatten(), (sn / sn.norm()).float().flatten()


def neuron_freqs(model: GrokkingTransformer, p: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Per neuron: the frequency whose 9 2-D Fourier terms hold most of its centred
    activation's variance at the last position, and that fraction."""
    tokens, _ = all_inputs(p)
    _, cache = model.run_with_cache(tokens)
    acts = cache["post"][:, -1].reshape(p, p, -1)
    acts = acts - acts.mean((0, 1), keepdim=True)
    F = fourier_basis(p)
    four = torch.einsum("xyn,ix,jy->ijn", acts, F, F).pow(2)
    total = four.sum((0, 1))
    per = torch.stack([four[[0, 2 * k - 1, 2 * k]][:, [0, 2 * k - 1, 2 * k]].sum((0, 1))
                       for k in range(1, p // 2 + 1)])
    best, idx = per.max(0)
    return idx + 1, best / total


def excluded_losses(model, p, key_freqs, is_train) -> list[float]:
    tokens, labels = all_inputs(p)
    logits = model(tokens)[:, -1]
    out = []
    for k in key_freqs:
        cos_d, sin_d = trig_sum_directions(k, p)
        excl = logits - cos_d[:, None] * (cos_d @ logits) - sin_d[:, None] * (sin_d @ logits)
        out.append(cross_entropy_high_precision(excl[is_train], labels[is_train]).item())
    return out


def losses(model, p, is_train) -> tuple[float, float, float]:
    tokens, labels = all_inputs(p)
    logits = model(tokens)[:, -1]
    acc = (logits[~is_train].argmax(-1) == labels[~is_train]).float().mean().item()
    return (cross_entropy_high_precision(logits[is_train], labels[is_train]).item(),
            cross_entropy_high_precision(logits[~is_train], labels[~is_train]).item(), acc)


def facts(run: dict | None = None) -> None:
    sys.path.insert(0, str(DUNGEON / "given"))
    import grokking

    run = run or grokking.load_run()
    ckpts = grokking.load_checkpoints()
    is_train = torch.tensor(run["is_train"], dtype=torch.bool)
    model = ckpts[-1][1]
    freqs, frac = neuron_freqs(model, P)
    keys, counts = torch.unique(freqs[frac > 0.5], return_counts=True)
    print("neurons per dominant frequency (frac explained > 0.5):",
          dict(zip(keys.tolist(), counts.tolist())),
          f"; {int((frac <= 0.5).sum())} neurons below 0.5")
    W_E = model.W_E[:-1]
    norms = (fourier_basis(P) @ W_E).pow(2).sum(1)
    top = norms[1:].reshape(-1, 2).sum(1)
    print("W_E norm^2 per frequency, top 8:",
          [(int(i) + 1, round(float(top[i]), 2)) for i in top.argsort(descending=True)[:8]],
          f"total {float(norms.sum()):.2f}")
    print("checkpoints: step, train loss, test loss, test acc, excluded losses", run["key_freqs"])
    for step, m in ckpts:
        tr, te, acc = losses(m, P, is_train)
        ex = excluded_losses(m, P, run["key_freqs"], is_train)
        print(f"  {step:5d}  {tr:.3e}  {te:.3e}  {acc:.3f}  " + " ".join(f"{e:.3f}" for e in ex))


def main() -> None:
    torch.set_num_threads(1)
    torch.set_flush_denormal(True)  # weight decay makes denormals, 100x slower on CPU
    torch.manual_seed(0)
    cfg = Config(p=P)
    model = GrokkingTransformer(cfg)
    tokens, labels = all_inputs(P)
    perm = torch.randperm(P * P, generator=torch.Generator().manual_seed(1))
    is_train = torch.zeros(P * P, dtype=torch.bool)
    is_train[perm[: int(FRAC * P * P)]] = True
    opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WD, betas=(0.9, 0.98))
    snapshots, log = {}, {"steps": [], "train_loss": [], "test_loss": [], "test_acc": []}
    start = time.time()
    for step in range(STEPS + 1):
        if step % LOG_EVERY == 0:
            with torch.no_grad():
                tr, te, acc = losses(model, P, is_train)
            snapshots[step] = {k: v.detach().clone() for k, v in model.state_dict().items()}
            for key, val in zip(log, (step, tr, te, acc)):
                log[key].append(val)
            if step % 100 == 0:
                print(f"step {step:5d} train {tr:.2e} test {te:.2e} acc {acc:.3f} "
                      f"({time.time() - start:.0f} s)", flush=True)
        if step == STEPS:
            break
        loss = cross_entropy_high_precision(model(tokens[is_train])[:, -1], labels[is_train])
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(f"trained {STEPS} steps in {time.time() - start:.0f} s")

    model.eval()
    with torch.no_grad():
        freqs, frac = neuron_freqs(model, P)
        keys, counts = torch.unique(freqs[frac > 0.5], return_counts=True)
        key_freqs = sorted(int(k) for k, c in zip(keys, counts) if c >= 8)
        excl = []
        for step in log["steps"]:
            snap = GrokkingTransformer(cfg)
            snap.load_state_dict(snapshots[step])
            excl.append(excluded_losses(snap, P, key_freqs, is_train))
    run = {"p": P, "train_frac": FRAC, "key_freqs": key_freqs, **log,
           "excluded_loss": [[round(e, 6) for e in row] for row in excl],
           "checkpoint_steps": CKPT_STEPS, "is_train": is_train.int().tolist()}
    for key in ("train_loss", "test_loss", "test_acc"):
        run[key] = [float(f"{v:.6g}") for v in run[key]]
    RUN_OUT.write_text(json.dumps(run, separators=(",", ":")))
    torch.save({"config": cfg.__dict__, "steps": CKPT_STEPS,
                "state_dicts": [{k: v.half() for k, v in snapshots[s].items()} for s in CKPT_STEPS]},
               CKPT_OUT)
    print(f"wrote {CKPT_OUT.name} ({CKPT_OUT.stat().st_size} bytes), "
          f"{RUN_OUT.name} ({RUN_OUT.stat().st_size} bytes); key freqs {key_freqs}")
    facts(run)


if __name__ == "__main__":
    if "--facts" in sys.argv:
        facts()
    else:
        main()
