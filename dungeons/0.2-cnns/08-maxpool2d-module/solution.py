"""Reference solution: MaxPool2d."""

import torch.nn.functional as F
from jaxtyping import Float
from torch import Tensor, nn


class MaxPool2d(nn.Module):
    def __init__(self, kernel_size: int, stride: int | None = None, padding: int = 1):
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = kernel_size if stride is None else stride
        self.padding = padding

    def forward(self, x: Float[Tensor, "batch channels height width"]
                ) -> Float[Tensor, "batch channels out_height out_width"]:
        return F.max_pool2d(x, kernel_size=self.kernel_size, stride=self.stride,
                            padding=self.padding)

    def extra_repr(self) -> str:
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"
