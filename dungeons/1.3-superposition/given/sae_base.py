"""sae_base: the toy SAE's parameters and data (room 11's answers).

GIVEN code: read it and import from it, but don't edit it. `ToySAEBase(cfg, model)` holds:
    self.cfg:    a ToySAEConfig (toy_base.py)
    self.model:  the toy model, frozen (requires_grad_(False))
    W_enc:       (inst, d_in, d_sae)       kaiming-uniform
    _W_dec:      (inst, d_sae, d_in)       kaiming-uniform, or None when cfg.tied_weights
    b_enc:       (inst, d_sae)             zeros
    b_dec:       (inst, d_in)              zeros
    W_dec:              _W_dec, or W_enc transposed when tied (a property)
    W_dec_normalized:   W_dec with each latent's row scaled to norm 1 (a property)
    generate_batch(n):  the toy model's hidden activations h = W x, (n, inst, d_in)
"""

import einops
import torch as t
from jaxtyping import Float
from torch import Tensor, nn

from toy_base import ToySAEConfig
from toy_model import ToyModel


class ToySAEBase(nn.Module):
    W_enc: Float[Tensor, "inst d_in d_sae"]
    _W_dec: Float[Tensor, "inst d_sae d_in"] | None
    b_enc: Float[Tensor, "inst d_sae"]
    b_dec: Float[Tensor, "inst d_in"]

    def __init__(self, cfg: ToySAEConfig, model: ToyModel) -> None:
        super().__init__()
        self.cfg = cfg
        self.model = model.requires_grad_(False)
        self.W_enc = nn.Parameter(nn.init.kaiming_uniform_(t.empty((cfg.n_inst, cfg.d_in, cfg.d_sae))))
        self._W_dec = None if cfg.tied_weights else nn.Parameter(
            nn.init.kaiming_uniform_(t.empty((cfg.n_inst, cfg.d_sae, cfg.d_in))))
        self.b_enc = nn.Parameter(t.zeros((cfg.n_inst, cfg.d_sae)))
        self.b_dec = nn.Parameter(t.zeros((cfg.n_inst, cfg.d_in)))

    @property
    def W_dec(self) -> Float[Tensor, "inst d_sae d_in"]:
        return self._W_dec if self._W_dec is not None else self.W_enc.transpose(-1, -2)

    @property
    def W_dec_normalized(self) -> Float[Tensor, "inst d_sae d_in"]:
        return self.W_dec / (self.W_dec.norm(dim=-1, keepdim=True) + self.cfg.weight_normalize_eps)

    def generate_batch(self, batch_size: int) -> Float[Tensor, "batch inst d_in"]:
        features = self.model.generate_batch(batch_size)
        return einops.einsum(features, self.model.W, "batch inst feats, inst d_in feats -> batch inst d_in")
