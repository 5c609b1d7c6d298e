"""Reference solution: reduce."""

import torch as t
import torch.distributed as dist
from torch import Tensor


def reduce(tensor: Tensor, rank: int, world_size: int, dst: int = 0, op: str = "sum") -> None:
    if rank != dst:
        dist.send(tensor, dst=dst)
        return
    received = t.empty_like(tensor)
    for other in range(world_size):
        if other != dst:
            dist.recv(received, src=other)
            tensor += received
    if op == "mean":
        tensor /= world_size
