"""Wrong: rank 0 receives straight into its tensor, so its own contribution is lost."""

import torch as t
import torch.distributed as dist


def all_reduce(tensor, rank, world_size, op="sum"):
    if rank == 0:
        total = t.zeros_like(tensor)
        for other in range(1, world_size):
            dist.recv(tensor, src=other)
            total += tensor
        if op == "mean":
            total /= world_size
        tensor.copy_(total)
        for other in range(1, world_size):
            dist.send(tensor, dst=other)
    else:
        dist.send(tensor, dst=0)
        dist.recv(tensor, src=0)
