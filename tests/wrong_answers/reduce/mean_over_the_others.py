"""Wrong: divides by the number of senders (world_size - 1) instead of world_size."""

import torch as t
import torch.distributed as dist


def reduce(tensor, rank, world_size, dst=0, op="sum"):
    if rank != dst:
        dist.send(tensor, dst=dst)
        return
    received = t.empty_like(tensor)
    for other in range(world_size):
        if other != dst:
            dist.recv(received, src=other)
            tensor += received
    if op == "mean":
        tensor /= world_size - 1
