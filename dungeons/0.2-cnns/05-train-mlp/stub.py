"""Room: Train a classifier, and check it honestly.

Train `model` on `trainset` with Adam and cross-entropy, and after every epoch measure its
accuracy on `testset` in eval mode under torch.inference_mode().
"""

from dataclasses import dataclass

import torch as t
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, Dataset


@dataclass
class SimpleMLPTrainingArgs:
    batch_size: int = 64
    epochs: int = 8
    learning_rate: float = 3e-3


def train(model: nn.Module, trainset: Dataset, testset: Dataset,
          args: SimpleMLPTrainingArgs) -> tuple[list[float], list[float], nn.Module]:
    """Train model; return (loss_list, accuracy_list, model).

    trainset, testset: items are (image (8, 8) float in [0, 1], label int64 in 0..9).
    loss_list: one float per optimiser step (the batch's mean cross-entropy).
    accuracy_list: one float in [0, 1] per epoch, the fraction of testset classified right.
    """
    raise NotImplementedError
