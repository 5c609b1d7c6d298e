"""Train the tiny attention-only models shipped with dungeon 1.2 (2 layers; 3 with --n-layers 3).

Run from the repository root:  python scripts/train_attn_only.py [--n-layers 3]
Writes dungeons/1.2-mech-interp/assets/attn_only_{n}l.pt (config + state_dict) and prints
each head's role. CPU, one thread, fixed seeds: about a minute (2 layers), about a minute and a
half of CPU time (3 layers). The 3-layer model is the same recipe with one more layer of attention.

Data: random tokens 1..63 after a BOS token (0); in each sequence a block of random
length 4-20, starting at a random offset, is repeated right after itself. Because the
offset varies, the only way to predict the repeat is induction (a previous-token head in
layer 0, induction heads in layer 1). With a fixed layout (BOS + x + x, as in ARENA's
probe) the model solves the task positionally and no previous-token head forms.
Loss: 0.2 x the mean next-token loss + the mean loss on the predictable (repeated) tokens.
Measured: 2000 Adam steps in about 40 s on one thread (torch 2.13 CPU); with --n-layers 3,
140 s wall (91 s CPU) on a loaded machine.
"""

import argparse
import hashlib
import sys
import time
from dataclasses import asdict
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parent.parent
DUNGEON = ROOT / "dungeons" / "1.2-mech-interp"
sys.path.insert(0, str(DUNGEON / "given"))
from tiny_lens import Config, HookedTransformer  # noqa: E402

STEPS, BATCH, LR = 2000, 64, 3e-3
GAP = False  # True: random gap between the block and its copy (more previous-token heads)


def make_batch(gen: torch.Generator, cfg: Config, batch: int):
    """(tokens (batch, n_ctx), mask (batch, n_ctx - 1) of the predictable next tokens)."""
    n = cfg.n_ctx - 1  # tokens after BOS
    tokens = torch.randint(1, cfg.d_vocab, (batch, cfg.n_ctx), generator=gen)
    tokens[:, 0] = 0
    mask = torch.zeros(batch, cfg.n_ctx - 1, dtype=torch.bool)
    for b in range(batch):
        length = int(torch.randint(4, 21, (), generator=gen))
        start = 1 + int(torch.randint(0, n - 2 * length + 1, (), generator=gen))
        gap = int(torch.randint(0, n - 2 * length - (start - 1) + 1, (), generator=gen)) if GAP else 0
        copy = start + length + gap
        tokens[b, copy:copy + length] = tokens[b, start:start + length]
        mask[b, copy:copy + length - 1] = True  # predicting tokens copy+1 .. copy+length-1
    return tokens, mask


def probe_tokens(gen: torch.Generator, cfg: Config, seq_len=20, batch=20):
    """ARENA's probe: BOS + x + x with x of length seq_len."""
    x = torch.randint(1, cfg.d_vocab, (batch, seq_len), generator=gen)
    return torch.cat([torch.zeros(batch, 1, dtype=torch.long), x, x], dim=1)


@torch.no_grad()
def head_report(model: HookedTransformer, seq_len=20):
    cfg = model.cfg
    gen = torch.Generator().manual_seed(123)
    rand = torch.randint(1, cfg.d_vocab, (50, cfg.n_ctx), generator=gen)
    rand[:, 0] = 0
    rep = probe_tokens(gen, cfg, seq_len, batch=50)
    _, cache_rand = model.run_with_cache(rand)
    loss_rep, cache_rep = model.run_with_cache(rep, return_type="loss", loss_per_token=True)
    print(f"probe (BOS + x + x, seq_len {seq_len}): loss first half "
          f"{loss_rep[:, :seq_len].mean():.3f}, second half {loss_rep[:, seq_len:].mean():.3f}")
    print("head   prev  curr  first (random tokens)   prev  curr  first (probe)   induction")
    for layer in range(cfg.n_layers):
        p_rand, p_rep = cache_rand["pattern", layer], cache_rep["pattern", layer]
        for h in range(cfg.n_heads):
            row = []
            for p in (p_rand[:, h], p_rep[:, h]):
                row += [p.diagonal(-1, -2, -1).mean(), p.diagonal(0, -2, -1).mean(),
                        p[..., 0].mean()]
            ind = p_rep[:, h].diagonal(1 - seq_len, -2, -1).mean()
            print(f"{layer}.{h}   " + "  ".join(f"{v:.2f}" for v in row[:3]) + "                  "
                  + "  ".join(f"{v:.2f}" for v in row[3:]) + f"           {ind:.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n-layers", type=int, default=2)
    n_layers = parser.parse_args().n_layers
    out = DUNGEON / "assets" / f"attn_only_{n_layers}l.pt"
    torch.set_num_threads(1)
    torch.manual_seed(0)
    cfg = Config(n_layers=n_layers)
    model = HookedTransformer(cfg)
    opt = torch.optim.Adam(model.parameters(), lr=LR)
    gen = torch.Generator().manual_seed(1)
    start = time.time()
    for step in range(1, STEPS + 1):
        tokens, mask = make_batch(gen, cfg, BATCH)
        loss_per_token = model(tokens, return_type="loss", loss_per_token=True)
        # mostly the copies; a little weight on all tokens keeps it an honest LM (~log 63 on
        # unpredictable tokens instead of overconfident guesses)
        loss = 0.2 * loss_per_token.mean() + loss_per_token[mask].mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step % 250 == 0 or step == 1:
            print(f"step {step:5d}  loss {loss.item():.3f}  "
                  f"predictable-token loss {loss_per_token[mask].mean().item():.3f}")
    print(f"trained {STEPS} steps in {time.time() - start:.1f} s")
    model.eval()
    head_report(model)
    state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.save({"config": asdict(cfg), "state_dict": state}, out)
    data = out.read_bytes()
    print(f"wrote {out.relative_to(ROOT)}: {len(data)} bytes, "
          f"sha256 {hashlib.sha256(data).hexdigest()}")


if __name__ == "__main__":
    main()
