"""Room: TransformerTrainer.training_step and evaluate.

Train the DemoTransformer (given, working) on next-token prediction.
"""

from dataclasses import dataclass

import einops
import torch as t
import torch.nn as nn
import torch.nn.functional as F
from jaxtyping import Float, Int
from torch import Tensor


@dataclass
class Config:
    d_model: int = 768
    debug: bool = True
    layer_norm_eps: float = 1e-5
    d_vocab: int = 50257
    init_range: float = 0.02
    n_ctx: int = 1024
    d_head: int = 64
    d_mlp: int = 3072
    n_heads: int = 12
    n_layers: int = 12


# ---- Given: the modules you wrote in the earlier rooms ------------------------------


class LayerNorm(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.w = nn.Parameter(t.ones(cfg.d_model))
        self.b = nn.Parameter(t.zeros(cfg.d_model))

    def forward(self, residual: Float[Tensor, "batch posn d_model"]) -> Float[Tensor, "batch posn d_model"]:
        mean = residual.mean(dim=-1, keepdim=True)
        var = residual.var(dim=-1, keepdim=True, unbiased=False)
        return (residual - mean) / (var + self.cfg.layer_norm_eps).sqrt() * self.w + self.b


class Attention(nn.Module):
    IGNORE: Float[Tensor, ""]

    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.W_Q = nn.Parameter(t.empty((cfg.n_heads, cfg.d_model, cfg.d_head)))
        self.W_K = nn.Parameter(t.empty((cfg.n_heads, cfg.d_model, cfg.d_head)))
        self.W_V = nn.Parameter(t.empty((cfg.n_heads, cfg.d_model, cfg.d_head)))
        self.W_O = nn.Parameter(t.empty((cfg.n_heads, cfg.d_head, cfg.d_model)))
        self.b_Q = nn.Parameter(t.zeros((cfg.n_heads, cfg.d_head)))
        self.b_K = nn.Parameter(t.zeros((cfg.n_heads, cfg.d_head)))
        self.b_V = nn.Parameter(t.zeros((cfg.n_heads, cfg.d_head)))
        self.b_O = nn.Parameter(t.zeros((cfg.d_model)))
        for W in (self.W_Q, self.W_K, self.W_V, self.W_O):
            nn.init.normal_(W, std=self.cfg.init_range)
        self.register_buffer("IGNORE", t.tensor(float("-inf"), dtype=t.float32))

    def forward(self, normalized_resid_pre: Float[Tensor, "batch posn d_model"]) -> Float[Tensor, "batch posn d_model"]:
        x = normalized_resid_pre
        q = einops.einsum(x, self.W_Q, "b p d, h d e -> b p h e") + self.b_Q
        k = einops.einsum(x, self.W_K, "b p d, h d e -> b p h e") + self.b_K
        v = einops.einsum(x, self.W_V, "b p d, h d e -> b p h e") + self.b_V
        attn_scores = einops.einsum(q, k, "b q h e, b k h e -> b h q k") / self.cfg.d_head**0.5
        attn_pattern = self.apply_causal_mask(attn_scores).softmax(dim=-1)
        z = einops.einsum(attn_pattern, v, "b h q k, b k h e -> b q h e")
        return einops.einsum(z, self.W_O, "b q h e, h e d -> b q d") + self.b_O

    def apply_causal_mask(
        self, attn_scores: Float[Tensor, "batch n_heads query_pos key_pos"]
    ) -> Float[Tensor, "batch n_heads query_pos key_pos"]:
        q_len, k_len = attn_scores.shape[-2:]
        future = t.triu(t.ones(q_len, k_len, dtype=t.bool, device=attn_scores.device), diagonal=1)
        return attn_scores.masked_fill(future, self.IGNORE)


class MLP(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.W_in = nn.Parameter(t.empty((cfg.d_model, cfg.d_mlp)))
        self.W_out = nn.Parameter(t.empty((cfg.d_mlp, cfg.d_model)))
        self.b_in = nn.Parameter(t.zeros((cfg.d_mlp)))
        self.b_out = nn.Parameter(t.zeros((cfg.d_model)))
        nn.init.normal_(self.W_in, std=self.cfg.init_range)
        nn.init.normal_(self.W_out, std=self.cfg.init_range)

    def forward(self, normalized_resid_mid: Float[Tensor, "batch posn d_model"]) -> Float[Tensor, "batch posn d_model"]:
        pre = einops.einsum(normalized_resid_mid, self.W_in, "b p d, d m -> b p m") + self.b_in
        post = F.gelu(pre, approximate="tanh")
        return einops.einsum(post, self.W_out, "b p m, m d -> b p d") + self.b_out


class Embed(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.W_E = nn.Parameter(t.empty((cfg.d_vocab, cfg.d_model)))
        nn.init.normal_(self.W_E, std=self.cfg.init_range)

    def forward(self, tokens: Int[Tensor, "batch position"]) -> Float[Tensor, "batch position d_model"]:
        return self.W_E[tokens]


class PosEmbed(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.W_pos = nn.Parameter(t.empty((cfg.n_ctx, cfg.d_model)))
        nn.init.normal_(self.W_pos, std=self.cfg.init_range)

    def forward(self, tokens: Int[Tensor, "batch position"]) -> Float[Tensor, "batch position d_model"]:
        batch, seq_len = tokens.shape
        return einops.repeat(self.W_pos[:seq_len], "seq d_model -> batch seq d_model", batch=batch)


class TransformerBlock(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.ln1 = LayerNorm(cfg)
        self.attn = Attention(cfg)
        self.ln2 = LayerNorm(cfg)
        self.mlp = MLP(cfg)

    def forward(self, resid_pre: Float[Tensor, "batch position d_model"]) -> Float[Tensor, "batch position d_model"]:
        resid_mid = resid_pre + self.attn(self.ln1(resid_pre))
        return resid_mid + self.mlp(self.ln2(resid_mid))


class Unembed(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.W_U = nn.Parameter(t.empty((cfg.d_model, cfg.d_vocab)))
        nn.init.normal_(self.W_U, std=self.cfg.init_range)
        self.b_U = nn.Parameter(t.zeros((cfg.d_vocab), requires_grad=False))

    def forward(self, normalized_resid_final: Float[Tensor, "batch posn d_model"]) -> Float[Tensor, "batch posn d_vocab"]:
        return einops.einsum(normalized_resid_final, self.W_U, "b p d, d v -> b p v") + self.b_U


class DemoTransformer(nn.Module):
    def __init__(self, cfg: Config):
        super().__init__()
        self.cfg = cfg
        self.embed = Embed(cfg)
        self.pos_embed = PosEmbed(cfg)
        self.blocks = nn.ModuleList([TransformerBlock(cfg) for _ in range(cfg.n_layers)])
        self.ln_final = LayerNorm(cfg)
        self.unembed = Unembed(cfg)

    def forward(self, tokens: Int[Tensor, "batch position"]) -> Float[Tensor, "batch position d_vocab"]:
        residual = self.embed(tokens) + self.pos_embed(tokens)
        for block in self.blocks:
            residual = block(residual)
        return self.unembed(self.ln_final(residual))


def get_log_probs(
    logits: Float[Tensor, "batch posn d_vocab"], tokens: Int[Tensor, "batch posn"]
) -> Float[Tensor, "batch posn-1"]:
    log_probs = logits.log_softmax(dim=-1)
    return log_probs[:, :-1].gather(dim=-1, index=tokens[:, 1:].unsqueeze(-1)).squeeze(-1)


@dataclass
class TransformerTrainingArgs:
    batch_size: int = 32
    epochs: int = 1
    max_steps_per_epoch: int = 300
    lr: float = 1e-3
    weight_decay: float = 1e-2


# ---- Your room ----------------------------------------------------------------------


class TransformerTrainer:
    def __init__(self, args: TransformerTrainingArgs, model: DemoTransformer,
                 train_tokens: Int[Tensor, "n seq"], test_tokens: Int[Tensor, "m seq"]):
        self.args = args
        self.model = model
        self.train_tokens = train_tokens
        self.test_tokens = test_tokens
        self.optimizer = t.optim.AdamW(self.model.parameters(), lr=args.lr,
                                       weight_decay=args.weight_decay)
        self.step = 0

    def train_loader(self):
        """Given: shuffled batches {"tokens": (batch_size, seq)} of the training set."""
        order = t.randperm(len(self.train_tokens))
        for i in range(0, len(order), self.args.batch_size):
            yield {"tokens": self.train_tokens[order[i:i + self.args.batch_size]]}

    def test_loader(self):
        """Given: batches {"tokens": (batch_size, seq)} of the test set, in order."""
        for i in range(0, len(self.test_tokens), self.args.batch_size):
            yield {"tokens": self.test_tokens[i:i + self.args.batch_size]}

    def training_step(self, batch: dict[str, Int[Tensor, "batch seq"]]) -> Float[Tensor, ""]:
        """One optimiser step on the next-token loss; returns the loss (a 0-dim tensor)."""
        raise NotImplementedError

    def evaluate(self) -> float:
        """Fraction of next tokens in the test set that the model's argmax predicts."""
        raise NotImplementedError

    def train(self) -> list[float]:
        """Given: epochs of training steps (at most max_steps_per_epoch each); the losses."""
        losses = []
        for epoch in range(self.args.epochs):
            for i, batch in enumerate(self.train_loader()):
                if i >= self.args.max_steps_per_epoch:
                    break
                losses.append(self.training_step(batch).item())
            print(f"epoch {epoch + 1}: loss {losses[-1]:.3f}, accuracy {self.evaluate():.3f}")
        return losses
