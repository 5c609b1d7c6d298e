"""Room: Broadcast, from send and recv.

One rank holds a tensor; afterwards every rank holds a copy. Runs in a real (small, local)
torch.distributed world: each rank is its own process running this function.
"""

import torch as t
import torch.distributed as dist
from torch import Tensor


def broadcast(tensor: Tensor, rank: int, world_size: int, src: int = 0) -> None:
    """On rank `src`, send `tensor` to every other rank; on every other rank, receive it
    into `tensor` (in place). Use only dist.send and dist.recv."""
    raise NotImplementedError
