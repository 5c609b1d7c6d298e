"""Wrong: reduces to rank 0 but never sends the result back, so only rank 0 has it."""

import torch as t
import torch.distributed as dist


def all_reduce(tensor, rank, world_size, op="sum"):
    if rank == 0:
        received = t.empty_like(tensor)
        for other in range(1, world_size):
            dist.recv(received, src=other)
            tensor += received
        if op == "mean":
            tensor /= world_size
    else:
        dist.send(tensor, dst=0)
