"""Room: Train only the new head (feature extraction).

Train the head of the frozen, pretrained DigitResNet on a new task (digits 6-9, labelled
0-3), keeping every other weight and buffer exactly as it was.
"""

from dataclasses import dataclass

import torch as t
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, Dataset

from digit_resnet import DigitResNet, load_pretrained_digit_resnet


@dataclass
class ResNetTrainingArgs:
    batch_size: int = 32
    epochs: int = 10
    learning_rate: float = 3e-2
    n_classes: int = 4


def get_resnet_for_feature_extraction(n_classes: int) -> DigitResNet:
    """The previous room's answer: the pretrained body frozen, a new trainable head."""
    model = load_pretrained_digit_resnet()
    model.requires_grad_(False)
    model.out_layers[-1] = nn.Linear(model.out_features_per_group[-1], n_classes)
    return model


def train(args: ResNetTrainingArgs, trainset: Dataset,
          testset: Dataset) -> tuple[list[float], list[float], DigitResNet]:
    """Feature extraction: train only the new head; return (loss_list, accuracy_list, model).

    trainset, testset: items are (image (1, 8, 8) float in [0, 1], label int64 in
    0..n_classes-1).
    loss_list: one float per optimiser step (the batch's mean cross-entropy).
    accuracy_list: one float in [0, 1] per epoch, the fraction of testset classified right.
    """
    raise NotImplementedError
