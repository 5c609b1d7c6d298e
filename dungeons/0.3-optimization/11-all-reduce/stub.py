"""Room: All-reduce, from send and recv.

Every rank holds a tensor; afterwards every rank holds their sum (or mean). Runs in a
real (small, local) torch.distributed world: each rank is its own process.
"""

import torch as t
import torch.distributed as dist
from torch import Tensor


def all_reduce(tensor: Tensor, rank: int, world_size: int, op: str = "sum") -> None:
    """Afterwards every rank's `tensor` holds the sum (op="sum") or the mean (op="mean")
    of all ranks' original tensors, in place. Use only dist.send and dist.recv (you may
    paste your reduce and broadcast into this file and combine them)."""
    raise NotImplementedError
