"""Train the balanced-bracket classifier shipped with dungeon 1.5.

Run from the repository root:  python scripts/train_brackets.py
Writes dungeons/1.5-algorithmic-interp/assets/brackets_model.pt (config + float16
state_dict, read back as float32) and brackets_data.json (2000 freshly sampled strings for the rooms), then
prints the measured facts recorded in that folder's README.md. CPU, one thread, fixed seeds.

Model (`given/brackets.py`): 3 layers, 2 heads of 28, d_model 56, d_mlp 56, LayerNorm
everywhere, bidirectional attention with [pad] keys masked, learned positions, n_ctx 22
([start] + up to 20 brackets + [end]; ARENA's model reads 40, but 20 trains in a
fraction of the time); classification read at position 0.

Data: even lengths 2..20, half balanced. The unbalanced half mixes uniformly random
strings with hard negatives that fail only one of the two conditions:
  - "negative only": ends at elevation zero but dips below zero somewhere (a shuffle of
    n "(" and n ")", a balanced string rotated, or one with a "()" at elevation 0
    swapped to ")(");
  - "elevation only": never dips, ends above zero (a balanced string with one ")" turned
    into "(", or a random walk kept at or above zero).
Measured: 3000 steps in 100-155 s on one thread of a shared 2-core machine (torch 2.13 CPU).

`python scripts/train_brackets.py --facts` skips training and prints the head facts of
the shipped model recorded in the README: each component's push along the "unbalanced"
direction at position 0, and each head's mean-ablation accuracy per failure kind.
"""

import hashlib
import json
import random
import sys
import time
from dataclasses import asdict
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parent.parent
DUNGEON = ROOT / "dungeons" / "1.5-algorithmic-interp"
sys.path.insert(0, str(ROOT / "dungeons" / "1.2-mech-interp" / "given"))
sys.path.insert(0, str(DUNGEON / "given"))
from brackets import BracketsDataset, Config, HookedTransformer  # noqa: E402

MODEL_OUT = DUNGEON / "assets" / "brackets_model.pt"
DATA_OUT = DUNGEON / "assets" / "brackets_data.json"
STEPS, BATCH, LR, MAX_LEN = 3000, 64, 3e-3, 20
N_HELD_OUT = 2000


def elevations(s: str) -> list[int]:
    out, level = [], 0
    for c in s:
        level += 1 if c == "(" else -1
        out.append(level)
    return out


def is_balanced(s: str) -> bool:
    levels = elevations(s)
    return all(v >= 0 for v in levels) and (not levels or levels[-1] == 0)


def failure_type(s: str) -> str:
    levels = elevations(s) or [0]
    neg, elev = min(levels) < 0, levels[-1] != 0
    return {(False, False): "balanced", (True, False): "negative only",
            (False, True): "elevation only", (True, True): "both"}[(neg, elev)]


def random_balanced(rng: random.Random, n_pairs: int) -> str:
    """A uniformly random balanced string of n_pairs pairs (shuffle, then rotate the walk
    so it never dips: the cycle lemma on n+1 opens and n closes, last open dropped)."""
    chars = ["("] * (n_pairs + 1) + [")"] * n_pairs
    rng.shuffle(chars)
    levels = [0] + elevations("".join(chars))[:-1]  # elevation before each character
    low = min(levels)
    cut = max(i for i, v in enumerate(levels) if v == low)  # the last lowest point
    rotated = chars[cut:] + chars[:cut]  # every prefix of it ends at +1 or higher
    return "".join(rotated[1:])  # so without its first "(" it never dips and ends at 0


def negative_only(rng: random.Random, n_pairs: int) -> str:
    while True:
        u, s = rng.random(), random_balanced(rng, n_pairs)
        if u < 1 / 3:  # a shuffle of n "(" and n ")"
            s = "".join(rng.sample(s, len(s)))
        elif u < 2 / 3:  # a balanced string turned around a random point
            i = rng.randrange(len(s))
            s = s[i:] + s[:i]
        else:  # a balanced string with one "()" at elevation 0 swapped to ")("
            levels = [0] + elevations(s)
            spots = [i for i in range(len(s) - 1) if s[i:i + 2] == "()" and levels[i] == 0]
            if spots:
                i = rng.choice(spots)
                s = s[:i] + ")(" + s[i + 2:]
        if failure_type(s) == "negative only":
            return s


def elevation_only(rng: random.Random, n_pairs: int) -> str:
    while True:
        if rng.random() < 0.5:
            s = random_balanced(rng, n_pairs)
            closes = [i for i, c in enumerate(s) if c == ")"]
            i = rng.choice(closes)
            s = s[:i] + "(" + s[i + 1:]
        else:
            level, chars = 0, []
            for _ in range(2 * n_pairs):
                c = "(" if level == 0 or rng.random() < 0.5 else ")"
                level += 1 if c == "(" else -1
                chars.append(c)
            s = "".join(chars)
        if failure_type(s) == "elevation only":
            return s


def random_string(rng: random.Random, n_pairs: int) -> str:
    while True:
        s = "".join(rng.choice("()") for _ in range(2 * n_pairs))
        if not is_balanced(s):
            return s


def sample(rng: random.Random) -> tuple[str, bool]:
    n_pairs = rng.randint(1, MAX_LEN // 2)
    u = rng.random()
    if u < 0.5:
        s = random_balanced(rng, n_pairs)
    elif u < 0.65:
        s = negative_only(rng, n_pairs)
    elif u < 0.8:
        s = elevation_only(rng, max(n_pairs, 1))
    else:
        s = random_string(rng, n_pairs)
    return s, is_balanced(s)


@torch.no_grad()
def accuracy_report(model: HookedTransformer, data: BracketsDataset) -> dict[str, tuple[int, float]]:
    pred = model(data.toks)[:, 0].argmax(-1).bool()
    correct = pred == data.isbal
    types = [failure_type(s) for s in data.strs]
    report = {"all": (len(data), correct.float().mean().item())}
    for kind in ["balanced", "negative only", "elevation only", "both"]:
        mask = torch.tensor([t == kind for t in types])
        report[kind] = (int(mask.sum()), correct[mask].float().mean().item())
    return report


KINDS = ["balanced", "negative only", "elevation only", "both"]


@torch.no_grad()
def facts():
    """The measured head roles of the shipped model (assets/README.md)."""
    from functools import partial

    import bracket_tools
    from brackets import load_data, load_model

    model, data = load_model(), load_data()
    kinds = torch.tensor([KINDS.index(failure_type(s)) for s in data.strs])
    _, _, r2 = bracket_tools.get_ln_fit(model, data, model.ln_final, seq_pos=0)
    print(f"affine fit of ln_final at position 0: r2 {r2:.4f}")
    direction = bracket_tools.get_pre_final_ln_dir(model, data)
    along = bracket_tools.get_out_by_components(model, data)[:, :, 0] @ direction
    along = along - along[:, data.isbal].mean(dim=1, keepdim=True)
    names = ["embed"] + [f"{layer}.{h}" if h < 2 else f"mlp{layer}" for layer in range(3)
             for h in range(3)]
    print("push along the unbalanced direction at position 0, minus the balanced mean:")
    print("component  " + "  ".join(f"{k:>14s}" for k in KINDS[1:]))
    for name, row in zip(names, along):
        print(f"{name:9s}  " + "  ".join(f"{row[kinds == k].mean():+14.2f}" for k in (1, 2, 3)))
    _, cache = model.run_with_cache(data.toks, names_filter=lambda n: n.endswith("hook_z"))

    def to_balanced_mean(z, hook, head):
        z[:, :, head] = cache["z", hook.layer()][data.isbal, :, head].mean(0)

    print("accuracy per kind with one head's z mean-ablated (balanced mean, every position):")
    print("head  " + "  ".join(f"{k:>14s}" for k in KINDS))
    for layer in range(model.cfg.n_layers):
        for head in range(model.cfg.n_heads):
            logits = model.run_with_hooks(data.toks, fwd_hooks=[
                (f"blocks.{layer}.attn.hook_z", partial(to_balanced_mean, head=head))])[:, 0]
            correct = (logits.argmax(-1) == 1) == data.isbal
            print(f"{layer}.{head}   " + "  ".join(
                f"{correct[kinds == k].float().mean():14.3f}" for k in range(4)))


def main():
    if "--facts" in sys.argv:
        torch.set_num_threads(1)
        return facts()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    rng = random.Random(0)
    held_out = [sample(random.Random(10_000 + i)) for i in range(N_HELD_OUT)]
    cfg = Config(n_ctx=MAX_LEN + 2)
    model = HookedTransformer(cfg)
    opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=LR, total_steps=STEPS, pct_start=0.1)
    start = time.time()
    for step in range(1, STEPS + 1):
        # no exclusion of the held-out strings: there are only 22 balanced strings of length
        # 8 or less, and they would all be held out (the model then calls them unbalanced)
        data = BracketsDataset([sample(rng) for _ in range(BATCH)])
        logits = model(data.toks)[:, 0]
        loss = torch.nn.functional.cross_entropy(logits, data.isbal.long())
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        if step % 250 == 0 or step == 1:
            acc = (logits.argmax(-1).bool() == data.isbal).float().mean()
            print(f"step {step:5d}  loss {loss.item():.4f}  batch accuracy {acc:.3f}  "
                  f"({time.time() - start:.0f} s)")
    print(f"trained {STEPS} steps in {time.time() - start:.1f} s")
    model.eval()
    # float16 on disk halves the file (255 KB -> 130 KB); load_model() reads it back as float32
    state = {k: v.detach().half() for k, v in model.state_dict().items()}
    MODEL_OUT.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"config": asdict(cfg), "state_dict": state}, MODEL_OUT)
    DATA_OUT.write_text(json.dumps(held_out, separators=(",", ":")))
    for path in (MODEL_OUT, DATA_OUT):
        raw = path.read_bytes()
        print(f"wrote {path.relative_to(ROOT)}: {len(raw)} bytes, "
              f"sha256 {hashlib.sha256(raw).hexdigest()}")
    from brackets import load_data, load_model  # the shipped weights, as the rooms load them

    shipped = load_model(MODEL_OUT)
    for kind, (n, acc) in accuracy_report(shipped, load_data()).items():
        print(f"held-out accuracy, {kind:15s} ({n:4d} strings): {acc:.4f}")
    facts()


if __name__ == "__main__":
    main()
