"""Reference solution: train, with a validation loop."""

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
    optimizer = t.optim.Adam(model.parameters(), lr=args.learning_rate)
    train_loader = DataLoader(trainset, batch_size=args.batch_size, shuffle=True)
    test_loader = DataLoader(testset, batch_size=args.batch_size, shuffle=False)
    loss_list, accuracy_list = [], []
    for _ in range(args.epochs):
        model.train()
        for images, labels in train_loader:
            loss = F.cross_entropy(model(images), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            loss_list.append(loss.item())
        model.eval()
        correct = 0
        with t.inference_mode():
            for images, labels in test_loader:
                correct += (model(images).argmax(dim=-1) == labels).sum().item()
        accuracy_list.append(correct / len(testset))
    return loss_list, accuracy_list, model
