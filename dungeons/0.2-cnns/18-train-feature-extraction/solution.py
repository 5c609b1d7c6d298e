"""Reference solution: train the head alone (feature extraction)."""

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
    model = get_resnet_for_feature_extraction(args.n_classes)
    optimizer = t.optim.Adam(model.out_layers[-1].parameters(), lr=args.learning_rate)
    train_loader = DataLoader(trainset, batch_size=args.batch_size, shuffle=True)
    test_loader = DataLoader(testset, batch_size=args.batch_size)
    loss_list, accuracy_list = [], []
    model.eval()
    for _ in range(args.epochs):
        for images, labels in train_loader:
            loss = F.cross_entropy(model(images), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            loss_list.append(loss.item())
        correct = 0
        with t.inference_mode():
            for images, labels in test_loader:
                correct += (model(images).argmax(dim=-1) == labels).sum().item()
        accuracy_list.append(correct / len(testset))
    return loss_list, accuracy_list, model
