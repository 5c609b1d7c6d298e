"""Room: A hyperparameter sweep.

Describe a random search as a config dict, and apply one sample of it to the training
arguments.
"""

from dataclasses import dataclass


@dataclass
class FinetuningArgs:
    batch_size: int = 64
    epochs: int = 3
    learning_rate: float = 1e-3
    weight_decay: float = 0.0
    wandb_project: str | None = "day3-resnet"
    wandb_name: str | None = None


# Fill in: method, metric and parameters (see the brief).
sweep_config: dict = {}


def update_args(args: FinetuningArgs, sampled_parameters: dict) -> FinetuningArgs:
    """Copy one sample of `sweep_config["parameters"]` into `args` (learning_rate,
    batch_size, weight_decay; nothing else) and return it."""
    raise NotImplementedError
