"""Wrong: also renames the run, changing a field it should leave alone."""

from dataclasses import dataclass


@dataclass
class FinetuningArgs:
    batch_size: int = 64
    epochs: int = 3
    learning_rate: float = 1e-3
    weight_decay: float = 0.0
    wandb_project: str | None = "day3-resnet"
    wandb_name: str | None = None


sweep_config: dict = {
    "method": "random",
    "metric": {"name": "accuracy", "goal": "maximize"},
    "parameters": {
        "learning_rate": {"min": 1e-4, "max": 1e-1, "distribution": "log_uniform_values"},
        "batch_size": {"values": [32, 64, 128, 256]},
        "weight_decay": {"min": 1e-4, "max": 1e-2, "distribution": "log_uniform_values"},
        "weight_decay_bool": {"values": [True, False]},
    },
}


def update_args(args: FinetuningArgs, sampled_parameters: dict) -> FinetuningArgs:
    args.learning_rate = sampled_parameters["learning_rate"]
    args.batch_size = sampled_parameters["batch_size"]
    args.weight_decay = (sampled_parameters["weight_decay"]
                         if sampled_parameters["weight_decay_bool"] else 0.0)
    args.wandb_name = f"lr={args.learning_rate:.2g}"
    return args
