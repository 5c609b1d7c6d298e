"""Train the small DigitResNet that 0.2's feature-extraction rooms start from, and measure it.

Writes dungeons/0.2-cnns/assets/digit_resnet_0to5.pt: the state dict of
`given/digit_resnet.DigitResNet(n_classes=6)` trained on every 8x8 digit 0-5 of
`assets/digits.npz` (1,084 images). Then it measures what the rooms rely on, on the
*new* task (digits 6-9, relabelled 0-3, split 80/20 with the seed the tests use):
feature extraction (frozen body in eval mode, a new Linear head trained alone) from the
pretrained body and from a randomly initialised body, and the same with the body left
in train mode. Paste the printed numbers into assets/README.md.

    .venv/bin/python scripts/train_feature_extractor.py           # train, save, measure
    .venv/bin/python scripts/train_feature_extractor.py --measure # measure the saved file

Seeds are fixed and torch uses one thread; it runs in about 10 s on one CPU core.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

ROOT = Path(__file__).resolve().parent.parent
DUNGEON = ROOT / "dungeons" / "0.2-cnns"
sys.path.insert(0, str(DUNGEON / "given"))

from digit_resnet import ASSET, DigitResNet  # noqa: E402

PRETRAIN = dict(epochs=15, batch_size=64, lr=3e-3, seed=0)
# The recipe of the train-feature-extraction room (its tests use the same numbers).
HEAD = dict(epochs=10, batch_size=32, lr=3e-2, split_seed=0, seed=0)


def digits() -> tuple[torch.Tensor, torch.Tensor]:
    with np.load(DUNGEON / "assets" / "digits.npz") as f:
        images = torch.tensor(f["images"], dtype=torch.float32)[:, None] / 16.0
        labels = torch.tensor(f["labels"], dtype=torch.int64)
    return images, labels


def new_task_split() -> tuple[tuple[torch.Tensor, torch.Tensor], tuple[torch.Tensor, torch.Tensor]]:
    """Digits 6-9 relabelled 0-3, 80% to train the head and 20% held out."""
    images, labels = digits()
    keep = labels >= 6
    x, y = images[keep], labels[keep] - 6
    perm = torch.randperm(len(x), generator=torch.Generator().manual_seed(HEAD["split_seed"]))
    n_test = len(x) // 5
    return (x[perm[n_test:]], y[perm[n_test:]]), (x[perm[:n_test]], y[perm[:n_test]])


def pretrain() -> DigitResNet:
    images, labels = digits()
    keep = labels <= 5
    x, y = images[keep], labels[keep]
    torch.manual_seed(PRETRAIN["seed"])
    model = DigitResNet(n_classes=6)
    opt = torch.optim.Adam(model.parameters(), lr=PRETRAIN["lr"])
    for _ in range(PRETRAIN["epochs"]):
        model.train()
        for idx in torch.randperm(len(x)).split(PRETRAIN["batch_size"]):
            loss = F.cross_entropy(model(x[idx]), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
    model.eval()
    with torch.no_grad():
        acc = (model(x).argmax(-1) == y).float().mean().item()
    print(f"pretraining: {len(x)} digits 0-5, train accuracy {acc:.4f}")
    return model


def head_only(body_state: dict | None, body_mode: str) -> float:
    """Feature extraction on digits 6-9; returns held-out accuracy."""
    (xtr, ytr), (xte, yte) = new_task_split()
    torch.manual_seed(HEAD["seed"])
    model = DigitResNet(n_classes=6)
    if body_state is not None:
        model.load_state_dict(body_state)
    model.requires_grad_(False)
    model.out_layers[-1] = nn.Linear(model.out_features_per_group[-1], 4)
    opt = torch.optim.Adam(model.out_layers[-1].parameters(), lr=HEAD["lr"])
    for _ in range(HEAD["epochs"]):
        model.train() if body_mode == "train" else model.eval()
        for idx in torch.randperm(len(xtr)).split(HEAD["batch_size"]):
            loss = F.cross_entropy(model(xtr[idx]), ytr[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
    model.eval()
    with torch.no_grad():
        return (model(xte).argmax(-1) == yte).float().mean().item()


def measure(state: dict) -> None:
    (xtr, _), (xte, _) = new_task_split()
    print(f"new task: digits 6-9, {len(xtr)} to train the head, {len(xte)} held out")
    print(f"head only, pretrained body in eval mode:  {head_only(state, 'eval'):.4f}")
    print(f"head only, pretrained body in train mode: {head_only(state, 'train'):.4f}")
    print(f"head only, random body in eval mode:      {head_only(None, 'eval'):.4f}")
    print(f"head only, random body in train mode:     {head_only(None, 'train'):.4f}")


def main(argv: list[str]) -> int:
    torch.set_num_threads(1)
    start = time.perf_counter()
    if "--measure" in argv:
        state = torch.load(ASSET, weights_only=True)
    else:
        model = pretrain()
        state = {k: v.clone() for k, v in model.state_dict().items()}
        torch.save(state, ASSET)
        print(f"wrote {ASSET.relative_to(ROOT)} ({ASSET.stat().st_size} bytes)")
    measure(state)
    print(f"{time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
