import torch

from tiny_lens import FactoredMatrix


def top_1_acc(full_OV_circuit: FactoredMatrix, batch_size: int = 100) -> float:
    """Fraction of rows i of the (n, n) FactoredMatrix whose argmax over columns is i,
    computed batch_size rows at a time (never the whole matrix)."""
    n = full_OV_circuit.ldim
    correct = 0
    for start in range(0, n, batch_size):
        rows = full_OV_circuit.A[start : start + batch_size] @ full_OV_circuit.B
        targets = torch.arange(start, start + rows.shape[0])
        correct += (rows.argmax(dim=1) == targets).sum().item()
    return correct / n
