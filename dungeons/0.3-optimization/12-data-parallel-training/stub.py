"""Room: Data-parallel training.

Several processes train one model together: same weights, different slices of each
batch, averaged gradients. Runs in a real (small, local) torch.distributed world.
"""

import torch as t
import torch.distributed as dist
import torch.nn.functional as F
from jaxtyping import Float, Int
from torch import Tensor, nn


def train_data_parallel(model: nn.Module, x: Float[Tensor, "n 2"], y: Int[Tensor, "n"],
                        rank: int, world_size: int, lr: float = 0.1,
                        batch_size: int = 24) -> float:
    """Run on every rank, each with its own `model` (initialised differently) and the
    same data. (1) broadcast every parameter from rank 0; (2) for each batch
    x[i : i + batch_size], i = 0, batch_size, ...: take this rank's shard,
    batch.chunk(world_size)[rank], compute the cross-entropy loss on it, backward,
    all-reduce the gradients to their mean over ranks, and step SGD(lr) (one optimizer,
    made once); (3) return the accuracy on all of x: count correct predictions on this
    rank's x.chunk(world_size)[rank], all-reduce the count (sum), divide by len(x)."""
    raise NotImplementedError
