"""Train the toy models that dungeon 1.3's SAE rooms take apart; writes
dungeons/1.3-superposition/assets/toy_models.pt (run from the repository root, ~2 s).

- "pentagon": 1 instance, 5 features in d_hidden 2, feature probability 0.025,
  importance 1: the five columns of W settle 72° apart.
- "boss": 1 instance, 8 features in d_hidden 3, feature probability 0.02, importance 1.

Seeds are fixed and training runs on one thread, so a rerun with the same torch version
gives the same file. The SAE rooms copy an instance into as many SAE instances as they need.
"""

import sys
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
DUNGEON = ROOT / "dungeons" / "1.3-superposition"
sys.path[:0] = [str(DUNGEON / "given"), str(DUNGEON / "assets")]

import reference  # noqa: E402
from toy_base import ToyModelConfig  # noqa: E402
from toy_model import ToyModel  # noqa: E402

MODELS = {
    "pentagon": dict(n_features=5, d_hidden=2, p=0.025, steps=1500, seed=0),
    "boss": dict(n_features=8, d_hidden=3, p=0.02, steps=3000, seed=1),
}


def train(n_features: int, d_hidden: int, p: float, steps: int, seed: int) -> dict:
    torch.manual_seed(seed)
    cfg = ToyModelConfig(n_inst=1, n_features=n_features, d_hidden=d_hidden)
    model = ToyModel(cfg, feature_probability=p)
    losses = reference.train_toy(model, steps=steps, batch_size=1024, lr=0.02, seed=seed,
                                 lr_scale=lambda s, n: 1 - s / n)
    W = model.W.detach()
    print(f"n_features {n_features}, d_hidden {d_hidden}, p {p}: loss {losses[-1]:.4f}, "
          f"column norms {[round(v, 2) for v in W.norm(dim=1)[0].tolist()]}")
    return {"n_features": n_features, "d_hidden": d_hidden, "feature_probability": p,
            "W": W.clone(), "b_final": model.b_final.detach().clone()}


def main() -> None:
    torch.set_num_threads(1)
    out = {name: train(**spec) for name, spec in MODELS.items()}
    path = DUNGEON / "assets" / "toy_models.pt"
    torch.save(out, path)
    print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
