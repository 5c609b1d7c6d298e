"""Train the small model of dungeon 1.4's second part (function vectors and steering).

Run from the repository root:  python scripts/train_icl.py   (--report: measure the
shipped weights without training)
Writes dungeons/1.4-circuits/assets/icl_3l.pt (config + state_dict) and prints what was
measured: in-context accuracy per task and number of examples, the h intervention, the
head-wise function-vector map, the function vector from the top heads, and a steering
vector. CPU, one thread, fixed seeds.

Data (dungeons/1.4-circuits/given/icl_tasks.py): sequences of 6 pairs `x -> y ,` of one
of four letter-to-letter tasks (next, prev, mirror, cipher), the task never named. Loss:
next-token loss on every answer y (the first y has no examples before it, the last has 5).
--every-token adds the next-token loss on every position and writes icl_3l_gen.pt instead,
the model of the multi-token room (it learns to write `, x -> y` after an answer).
Measured times are in dungeons/1.4-circuits/assets/README.md (4000 steps: 1429 s wall;
--every-token --steps 2500: 288 s wall; both on a loaded shared 2-core machine).
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
import icl_tasks as icl  # noqa: E402

OUT = DUNGEON / "assets" / "icl_3l.pt"
# --every-token: the loss on every next token too (the format and the x's), so that the model
# can write `, x -> y` after an answer (the multi-token room's model, icl_3l_gen.pt)
EVERY_TOKEN = "--every-token" in sys.argv
if EVERY_TOKEN:
    OUT = DUNGEON / "assets" / "icl_3l_gen.pt"
FV_HEADS = [(1, 2), (2, 0), (1, 0), (2, 1)]  # the rooms' function-vector heads, picked from the measured map
N_PAIRS = 6
STEPS, BATCH, LR = int(sys.argv[sys.argv.index("--steps") + 1]) if "--steps" in sys.argv else 4000, 64, 3e-3
CFG = icl.ICLConfig(n_layers=3, n_heads=4, d_model=64, d_head=16, n_ctx=4 * N_PAIRS, d_vocab=len(icl.VOCAB),
                    init_range=0.1, d_mlp=128)


def correct_logprob(logits: torch.Tensor, ds: icl.ICLDataset) -> torch.Tensor:
    """(size,) log-probability of the right answer at the last position."""
    return logits[:, -1].log_softmax(-1)[torch.arange(ds.size), ds.completions]


def accuracy(logits: torch.Tensor, ds: icl.ICLDataset) -> float:
    return (logits[:, -1].argmax(-1) == ds.completions).float().mean().item()


@torch.no_grad()
def report(model: icl.ICLTransformer) -> dict[str, list[tuple[int, int]]]:
    """Prints the measurements; returns each task's top 4 function-vector heads."""
    cfg = model.cfg
    top_heads = {}
    print("accuracy (top-1) per task and number of examples:")
    print("  task     " + " ".join(f"{n:5d}" for n in range(6)) + "   shuffled(5)")
    for task in icl.TASK_NAMES:
        accs = [accuracy(model(ds.toks), ds) for ds in (icl.ICLDataset(task, 300, n, seed=200 + n) for n in range(6))]
        ds = icl.ICLDataset(task, 300, 5, seed=300)
        shuf = accuracy(model(ds.create_corrupted_dataset().toks), ds)
        print(f"  {task:8s} " + " ".join(f"{a:5.2f}" for a in accs) + f"   {shuf:5.2f}")
    for task in icl.TASK_NAMES:
        ds = icl.ICLDataset(task, 200, 5, seed=11)
        zero = icl.ICLDataset(task, 200, 0, seed=12)
        _, cache = model.run_with_cache(ds.toks)
        base = model(zero.toks)
        print(f"\n[{task}] zero-shot: acc {accuracy(base, zero):.2f}, p(correct) "
              f"{correct_logprob(base, zero).exp().mean():.3f}; adding h (mean resid_post at the last position of "
              f"5-example prompts) at the last position:")
        for layer in range(cfg.n_layers):
            h = cache["resid_post", layer][:, -1].mean(0)

            def add(resid, hook, h=h):
                resid[:, -1] += h
            logits = model.run_with_hooks(zero.toks, [(f"blocks.{layer}.hook_resid_post", add)])
            print(f"   layer {layer}: acc {accuracy(logits, zero):.2f}, p(correct) "
                  f"{correct_logprob(logits, zero).exp().mean():.3f}")
        corrupted = ds.create_corrupted_dataset()
        base_c = model(corrupted.toks)
        lp_c = correct_logprob(base_c, ds).mean()
        print(f"   shuffled prompts: acc {accuracy(base_c, ds):.2f}, p(correct) {lp_c.exp():.3f}; "
              "head-wise patching of the clean mean z (last position), gain in mean log-prob:")
        effect = torch.zeros(cfg.n_layers, cfg.n_heads)
        for layer in range(cfg.n_layers):
            mean_z = cache["z", layer][:, -1].mean(0)
            for head in range(cfg.n_heads):
                def put(z, hook, head=head, mean_z=mean_z):
                    z[:, -1, head] = mean_z[head]
                logits = model.run_with_hooks(corrupted.toks, [(f"blocks.{layer}.attn.hook_z", put)])
                effect[layer, head] = correct_logprob(logits, ds).mean() - lp_c
            print("     " + "  ".join(f"{layer}.{h} {effect[layer, h]:+.2f}" for h in range(cfg.n_heads)))
        top = effect.flatten().argsort(descending=True)[:4]
        heads = [(int(i) // cfg.n_heads, int(i) % cfg.n_heads) for i in top]
        top_heads[task] = heads
        fv = sum(cache["z", layer][:, -1, head].mean(0) @ model.W_O[layer, head] for layer, head in heads)
        print(f"   top heads {heads}; FV norm {fv.norm():.2f}; adding the FV to zero-shot prompts' resid_post:")
        for layer in range(cfg.n_layers):
            def add_fv(resid, hook, fv=fv):
                resid[:, -1] += fv
            logits = model.run_with_hooks(zero.toks, [(f"blocks.{layer}.hook_resid_post", add_fv)])
            print(f"   layer {layer}: acc {accuracy(logits, zero):.2f}, p(correct) "
                  f"{correct_logprob(logits, zero).exp().mean():.3f}")
    return top_heads


@torch.no_grad()
def report_steering(model: icl.ICLTransformer) -> None:
    """'next' minus 'prev' (mean resid_pre at the last position, 100 prompts each) added at
    the last position of 200 'prev' prompts with 5 examples."""
    cfg = model.cfg
    add = icl.ICLDataset("next", 100, 5, seed=72).toks
    sub = icl.ICLDataset("prev", 100, 5, seed=73).toks
    ds = icl.ICLDataset("prev", 200, 5, seed=75)
    succ = icl.TASKS["next"][ds.queries - icl.FIRST_LETTER] + icl.FIRST_LETTER
    print("\nsteering 200 'prev' prompts (5 examples) with coeff * (next - prev) at hook_resid_pre:")
    print("  layer  coeff   predecessor  successor  other")
    for layer in range(cfg.n_layers):
        name = f"blocks.{layer}.hook_resid_pre"
        _, ca = model.run_with_cache(add, names_filter=name)
        _, cs = model.run_with_cache(sub, names_filter=name)
        diff = ca[name][:, -1].mean(0) - cs[name][:, -1].mean(0)
        for coeff in (0.0, 0.5, 1.0, 2.0, 4.0, 8.0):
            def steer(resid, hook, vec=coeff * diff):
                resid[:, -1] += vec
            top = model.run_with_hooks(ds.toks, [(name, steer)])[:, -1].argmax(-1)
            pred = (top == ds.completions).float().mean().item()
            nxt = (top == succ).float().mean().item()
            print(f"  {layer:5d}  {coeff:5.1f}   {pred:11.2f}  {nxt:9.2f}  {1 - pred - nxt:5.2f}")


@torch.no_grad()
def report_generation(model: icl.ICLTransformer, heads: list[tuple[int, int]], layer: int) -> None:
    fv = torch.zeros(model.cfg.d_model)
    _, cache = model.run_with_cache(icl.ICLDataset("next", 100, 5, seed=57).toks)
    for lyr, head in heads:
        fv += cache["result", lyr][:, -1, head].mean(0)
    print(f"\ngeneration, 9 tokens, function vector of 'next' from {heads} after block {layer}:")
    for word in ["c", "q", "w"]:
        prompt = icl.tokenize(f"{word} ->")
        outs = []
        for vec in (None, fv):
            tokens = prompt[None]
            for _ in range(9):
                hooks = []
                if vec is not None:
                    def add(resid, hook, vec=vec, pos=prompt.shape[0] - 1):
                        resid[:, pos] += vec
                    hooks = [(f"blocks.{layer}.hook_resid_post", add)]
                logits = model.run_with_hooks(tokens, hooks)
                tokens = torch.cat([tokens, logits[:, -1].argmax(-1, keepdim=True)], dim=1)
            outs.append(" ".join(icl.to_str_tokens(tokens[0, prompt.shape[0]:])))
        print(f"  {word} -> | {outs[0]}   ||   {outs[1]}")


def main():
    torch.set_num_threads(1)
    if "--report" in sys.argv:
        model = icl.load_icl_model(generation=EVERY_TOKEN)
        top_heads = report(model)
        report_steering(model)
        report_generation(model, top_heads["next"] if EVERY_TOKEN else FV_HEADS, 0)
        return
    torch.manual_seed(0)
    start = time.time()
    model = icl.ICLTransformer(CFG)
    opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01)
    gen = torch.Generator().manual_seed(1)
    answer_pos = torch.arange(2, 4 * N_PAIRS, 4)  # the "->" positions, which predict y
    for step in range(1, STEPS + 1):
        tasks = torch.randint(len(icl.TASKS), (BATCH,), generator=gen)
        tokens = icl.make_sequences(tasks, N_PAIRS, gen)
        per_token = model(tokens, return_type="loss", loss_per_token=True)  # (batch, seq - 1)
        loss = per_token[:, answer_pos].mean() + (per_token.mean() if EVERY_TOKEN else 0.0)
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step % 250 == 0 or step == 1:
            per_pair = per_token[:, answer_pos].mean(0)
            print(f"step {step:5d}  loss {loss.item():.3f}  per example count " +
                  " ".join(f"{v:.2f}" for v in per_pair.tolist()) + f"  ({time.time() - start:.0f} s)", flush=True)
    print(f"trained {STEPS} steps in {time.time() - start:.1f} s wall")
    model.eval()
    state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"config": asdict(CFG), "state_dict": state}, OUT)
    blob = OUT.read_bytes()
    print(f"wrote {OUT.relative_to(ROOT)}: {len(blob)} bytes, sha256 {hashlib.sha256(blob).hexdigest()}")
    for p in model.parameters():
        p.requires_grad_(False)
    top_heads = report(model)
    report_steering(model)
    report_generation(model, top_heads["next"], 0)


if __name__ == "__main__":
    main()
