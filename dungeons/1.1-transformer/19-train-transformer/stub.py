"""Room: TransformerTrainer.training_step and evaluate.

Train the DemoTransformer (given, working) on next-token prediction.

Config, a working DemoTransformer and get_log_probs (your earlier rooms) are given in
demo_transformer.py, next to this file.
"""

from dataclasses import dataclass

import torch as t
from demo_transformer import Config as Config  # (the tests build their models from it)
from demo_transformer import DemoTransformer, get_log_probs
from jaxtyping import Float, Int
from torch import Tensor


@dataclass
class TransformerTrainingArgs:
    batch_size: int = 32
    epochs: int = 1
    max_steps_per_epoch: int = 300
    lr: float = 1e-3
    weight_decay: float = 1e-2


# ---- Your room ----------------------------------------------------------------------


class TransformerTrainer:
    def __init__(self, args: TransformerTrainingArgs, model: DemoTransformer,
                 train_tokens: Int[Tensor, "n seq"], test_tokens: Int[Tensor, "m seq"]):
        self.args = args
        self.model = model
        self.train_tokens = train_tokens
        self.test_tokens = test_tokens
        self.optimizer = t.optim.AdamW(self.model.parameters(), lr=args.lr,
                                       weight_decay=args.weight_decay)
        self.step = 0

    def train_loader(self):
        """Given: shuffled batches {"tokens": (batch_size, seq)} of the training set."""
        order = t.randperm(len(self.train_tokens))
        for i in range(0, len(order), self.args.batch_size):
            yield {"tokens": self.train_tokens[order[i:i + self.args.batch_size]]}

    def test_loader(self):
        """Given: batches {"tokens": (batch_size, seq)} of the test set, in order."""
        for i in range(0, len(self.test_tokens), self.args.batch_size):
            yield {"tokens": self.test_tokens[i:i + self.args.batch_size]}

    def training_step(self, batch: dict[str, Int[Tensor, "batch seq"]]) -> Float[Tensor, ""]:
        """One optimiser step on the next-token loss; returns the loss (a 0-dim tensor)."""
        raise NotImplementedError

    def evaluate(self) -> float:
        """Fraction of next tokens in the test set that the model's argmax predicts."""
        raise NotImplementedError

    def train(self) -> list[float]:
        """Given: epochs of training steps (at most max_steps_per_epoch each); the losses."""
        losses = []
        for epoch in range(self.args.epochs):
            for i, batch in enumerate(self.train_loader()):
                if i >= self.args.max_steps_per_epoch:
                    break
                losses.append(self.training_step(batch).item())
            print(f"epoch {epoch + 1}: loss {losses[-1]:.3f}, accuracy {self.evaluate():.3f}")
        return losses
