"""Room: the toy sparse autoencoder's parameters, its decoder, and its data.

toy_base.py (next to this file) gives ToySAEConfig; toy_model.py gives the toy model whose
hidden activations h = W x the SAE learns to take apart.
"""

import einops
import torch as t
from jaxtyping import Float
from torch import Tensor, nn

from toy_base import ToySAEConfig
from toy_model import ToyModel


class ToySAE(nn.Module):
    W_enc: Float[Tensor, "inst d_in d_sae"]
    _W_dec: Float[Tensor, "inst d_sae d_in"] | None
    b_enc: Float[Tensor, "inst d_sae"]
    b_dec: Float[Tensor, "inst d_in"]

    def __init__(self, cfg: ToySAEConfig, model: ToyModel) -> None:
        """Keep cfg; keep model as self.model with its gradients switched off.

        Parameters, drawn in this order with nn.init.kaiming_uniform_ on t.empty(...):
        W_enc (inst, d_in, d_sae), then _W_dec (inst, d_sae, d_in), or _W_dec = None when
        cfg.tied_weights. b_enc (inst, d_sae) and b_dec (inst, d_in): zeros.
        """
        super().__init__()
        raise NotImplementedError

    @property
    def W_dec(self) -> Float[Tensor, "inst d_sae d_in"]:
        """_W_dec, or W_enc with its last two dims swapped when the weights are tied."""
        raise NotImplementedError

    @property
    def W_dec_normalized(self) -> Float[Tensor, "inst d_sae d_in"]:
        """W_dec with each latent's row divided by (its norm + cfg.weight_normalize_eps)."""
        raise NotImplementedError

    def generate_batch(self, batch_size: int) -> Float[Tensor, "batch inst d_in"]:
        """The toy model's hidden activations h = W x for a fresh batch of its features."""
        raise NotImplementedError
