"""Room: one run of a sweep.

A sweep agent opens runs with sampled settings in wandb.config; train() trains with them.
"""

import os
from dataclasses import dataclass

import torch as t
import torch.nn.functional as F
import wandb
from jaxtyping import Float, Int
from torch import Tensor, nn
from torch.utils.data import DataLoader, TensorDataset

os.environ.setdefault("WANDB_MODE", "offline")  # no account: runs are written under ./wandb/


# ---- given: a tiny stand-in for ResNet feature extraction (frozen body, trained head) ----
def get_points(n: int, seed: int) -> TensorDataset:
    """n 2-D points in three noisy clusters, labelled by cluster (the 'images' here)."""
    g = t.Generator().manual_seed(seed)
    labels = t.randint(0, 3, (n,), generator=g)
    centres = t.tensor([[0.0, 1.5], [-1.3, -0.8], [1.3, -0.8]])
    return TensorDataset(centres[labels] + t.randn(n, 2, generator=g), labels)


def get_resnet_for_feature_extraction(n_classes: int) -> nn.Sequential:
    t.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, n_classes))
    model[0].requires_grad_(False)  # the "pretrained" body stays frozen
    return model


@dataclass
class ResNetFinetuningArgs:
    n_classes: int = 3
    batch_size: int = 64
    epochs: int = 2
    learning_rate: float = 0.05
    weight_decay: float = 0.0


class ResNetFinetuner:
    def __init__(self, args: ResNetFinetuningArgs):
        self.args = args

    def pre_training_setup(self):
        self.model = get_resnet_for_feature_extraction(self.args.n_classes)
        self.optimizer = t.optim.AdamW(self.model[-1].parameters(), lr=self.args.learning_rate,
                                       weight_decay=self.args.weight_decay)
        self.trainset, self.testset = get_points(200, seed=1), get_points(90, seed=2)
        self.train_loader = DataLoader(self.trainset, batch_size=self.args.batch_size, shuffle=True,
                                       generator=t.Generator().manual_seed(0))
        self.test_loader = DataLoader(self.testset, batch_size=self.args.batch_size)
        self.logged_variables = {"loss": [], "accuracy": []}
        self.examples_seen = 0

    def training_step(self, imgs: Float[Tensor, "batch 2"], labels: Int[Tensor, " batch"]) -> Float[Tensor, ""]:
        loss = F.cross_entropy(self.model(imgs), labels)
        loss.backward()
        self.optimizer.step()
        self.optimizer.zero_grad()
        self.examples_seen += imgs.shape[0]
        self.logged_variables["loss"].append(loss.item())
        return loss

    @t.inference_mode()
    def evaluate(self) -> float:
        self.model.eval()
        correct = sum((self.model(x).argmax(-1) == y).sum().item() for x, y in self.test_loader)
        accuracy = correct / len(self.testset)
        self.logged_variables["accuracy"].append(accuracy)
        return accuracy

    def train(self) -> dict[str, list[float]]:
        self.pre_training_setup()
        self.evaluate()
        for _ in range(self.args.epochs):
            self.model.train()
            for imgs, labels in self.train_loader:
                self.training_step(imgs, labels)
            self.evaluate()
        return self.logged_variables


@dataclass
class WandbResNetFinetuningArgs(ResNetFinetuningArgs):
    wandb_project: str | None = "day3-resnet-sweep"
    wandb_name: str | None = None


class WandbResNetFinetuner(ResNetFinetuner):
    """The tracked trainer of the previous room. If a run is already open (a sweep's
    train() opened it), it adds the args to that run's config instead of opening another."""

    args: WandbResNetFinetuningArgs

    def pre_training_setup(self):
        super().pre_training_setup()
        if wandb.run is None:
            wandb.init(project=self.args.wandb_project, name=self.args.wandb_name,
                       config=self.args.__dict__)
        else:
            wandb.config.update(self.args.__dict__, allow_val_change=True)

    def training_step(self, imgs: Float[Tensor, "batch 2"], labels: Int[Tensor, " batch"]) -> Float[Tensor, ""]:
        loss = super().training_step(imgs, labels)
        wandb.log({"train_loss": loss.item()}, step=self.examples_seen)
        return loss

    @t.inference_mode()
    def evaluate(self) -> float:
        accuracy = super().evaluate()
        wandb.log({"test_accuracy": accuracy}, step=self.examples_seen)
        return accuracy

    def train(self) -> None:
        super().train()  # the parent's loop calls the logging methods above
        wandb.finish()


sweep_config = {
    "method": "random",
    "metric": {"name": "test_accuracy", "goal": "maximize"},
    "parameters": {
        "learning_rate": {"min": 1e-3, "max": 1.0, "distribution": "log_uniform_values"},
        "batch_size": {"values": [32, 64, 128]},
        "weight_decay": {"values": [0.0, 0.01, 0.1]},
    },
}


def update_args(args: WandbResNetFinetuningArgs, sampled_parameters: dict) -> WandbResNetFinetuningArgs:
    """Copy one sample of sweep_config's parameters into args."""
    args.learning_rate = sampled_parameters["learning_rate"]
    args.batch_size = sampled_parameters["batch_size"]
    args.weight_decay = sampled_parameters["weight_decay"]
    return args
# ---- end of given code ----


def train() -> None:
    """One run of the sweep: open a run (project and name from default args), read the
    sampled settings from wandb.config into the args, train and log with them."""
    raise NotImplementedError
