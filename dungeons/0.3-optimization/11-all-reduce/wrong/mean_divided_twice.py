"""Wrong: the root divides for the mean, and then every rank divides again after the broadcast."""

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
        tensor /= world_size


def broadcast(tensor, rank, world_size, src=0):
    if rank == src:
        for other in range(world_size):
            if other != src:
                dist.send(tensor, dst=other)
    else:
        dist.recv(tensor, src=src)


def all_reduce(tensor, rank, world_size, op="sum"):
    reduce(tensor, rank, world_size, dst=0, op=op)
    broadcast(tensor, rank, world_size, src=0)
    if op == "mean":
        tensor /= world_size
