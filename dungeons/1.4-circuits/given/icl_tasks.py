"""icl_tasks: in-context-learning prompts over letters, and the small model trained on them.

GIVEN code for the second part of dungeon 1.4 (function vectors and steering): read it and
import from it, but don't edit it (grading uses the shipped copy).

A prompt shows a few examples of one hidden **task** (a map from letter to letter), then a
query letter, and the model must answer with the query's image:

    <bos> c -> d , k -> l , q ->          answer: r      (task "next")

Tasks (`TASKS`, each a (26,) tensor: `TASKS["next"][i]` is the image of letter i):
"next" (a -> b, z -> a), "prev" (b -> a), "mirror" (a <-> z, b <-> y, ...) and "cipher"
(a fixed scramble, a -> q ...). The prompt never names its task; the examples do.

- `VOCAB`, `LETTERS`, `tokenize(text)`, `to_str_tokens(tokens)`, `decode(tokens)`.
- `ICLDataset(task, size, n_prepended, seed)`: `.toks (size, seq)`, `.completions (size,)`
  token ids of the right answers, `.queries (size,)`, `.prompts` (strings); every prompt
  has the same length, so the answer is always predicted at position -1.
  `.create_corrupted_dataset()`: the same prompts with the examples' answers shuffled
  among them (the task can no longer be read off the examples).
  `ICLDataset(task, size, 0, seed)` gives zero-shot prompts `<bos> x ->`.
- `ICLTransformer`: tiny_lens's transformer with an MLP after each attention layer
  (hooks `blocks.{l}.hook_resid_mid`, `blocks.{l}.hook_mlp_out` and `blocks.{l}.mlp.hook_post`
  besides tiny_lens's); `run_with_cache`, `run_with_hooks`, `hooks` work as in tiny_lens.
- `load_icl_model()`: the trained model shipped in ../assets/icl_3l.pt;
  `load_icl_model(generation=True)`: its sibling trained on every next token, which also
  writes the format (`, x -> y`) after an answer (../assets/icl_3l_gen.pt).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
from torch import Tensor, nn

import tiny_lens

LETTERS = [chr(ord("a") + i) for i in range(26)]
VOCAB = ["<bos>", "->", ","] + LETTERS
TOKEN = {word: i for i, word in enumerate(VOCAB)}
BOS, ARROW, COMMA = 0, 1, 2
FIRST_LETTER = 3  # token id of "a"
LETTER_TOKENS = torch.arange(FIRST_LETTER, FIRST_LETTER + 26)

_letters = torch.arange(26)
TASKS: dict[str, Tensor] = {
    "next": (_letters + 1) % 26,
    "prev": (_letters - 1) % 26,
    "mirror": 25 - _letters,
    "cipher": torch.tensor([16, 22, 4, 17, 19, 24, 20, 8, 14, 15, 0, 18, 3,
                            5, 6, 7, 9, 10, 11, 25, 23, 2, 21, 1, 13, 12]),
}
TASK_NAMES = list(TASKS)


def tokenize(text: str) -> Tensor:
    """'c -> d , q ->' -> token ids, BOS first."""
    return torch.tensor([BOS] + [TOKEN[w] for w in text.split()])


def to_str_tokens(tokens: Tensor) -> list[str]:
    return [VOCAB[int(t)] for t in tokens]


def decode(tokens: Tensor) -> list[str]:
    """(batch,) token ids -> their words, e.g. ['d', 'r']."""
    return [VOCAB[int(t)] for t in tokens.reshape(-1)]


def make_sequences(task_ids: Tensor, n_pairs: int, gen: torch.Generator) -> Tensor:
    """(batch,) task indices -> (batch, 1 + 4 * n_pairs - 1) tokens: n_pairs full pairs
    `x -> y` separated by commas (the last pair's y included, no comma after it).
    The x letters of one sequence are distinct."""
    batch = task_ids.shape[0]
    table = torch.stack([TASKS[name] for name in TASK_NAMES])  # (n_tasks, 26)
    xs = torch.rand(batch, 26, generator=gen).argsort(dim=-1)[:, :n_pairs]  # distinct letters
    ys = table[task_ids[:, None], xs]
    seq = torch.full((batch, 4 * n_pairs), COMMA)
    seq[:, 0::4] = xs + FIRST_LETTER
    seq[:, 1::4] = ARROW
    seq[:, 2::4] = ys + FIRST_LETTER
    return torch.cat([torch.full((batch, 1), BOS), seq[:, :-1]], dim=1)


class ICLDataset:
    """`size` prompts of one task, each with `n_prepended` examples and a query."""

    def __init__(self, task: str, size: int, n_prepended: int = 5, seed: int = 0):
        self.task, self.size, self.n_prepended, self.seed = task, size, n_prepended, seed
        gen = torch.Generator().manual_seed(seed)
        full = make_sequences(torch.full((size,), TASK_NAMES.index(task)), n_prepended + 1, gen)
        self.toks = full[:, :-1]  # drop the query's answer
        self.completions = full[:, -1]
        self.queries = full[:, -3]

    @property
    def prompts(self) -> list[str]:
        return [" ".join(to_str_tokens(row[1:])) for row in self.toks]

    def __len__(self) -> int:
        return self.size

    def create_corrupted_dataset(self, seed: int | None = None) -> "ICLDataset":
        """The same prompts, each one's example answers rotated among its examples (by a
        random shift, never 0: no example keeps its own answer)."""
        out = object.__new__(ICLDataset)
        out.__dict__.update(self.__dict__)
        gen = torch.Generator().manual_seed(self.seed + 1000 if seed is None else seed)
        toks = self.toks.clone()
        answers = toks[:, 3:-2:4]  # (size, n_prepended): the examples' y tokens
        n = answers.shape[1]
        shift = torch.randint(1, max(n, 2), (answers.shape[0], 1), generator=gen)
        toks[:, 3:-2:4] = answers.gather(1, (torch.arange(n) + shift) % n)  # every answer moved
        out.toks = toks
        return out


# --------------------------------------------------------------------------- model


@dataclass
class ICLConfig(tiny_lens.Config):
    d_mlp: int = 256


class MLP(nn.Module):
    def __init__(self, cfg: ICLConfig):
        super().__init__()
        r = cfg.init_range
        self.W_in = nn.Parameter(torch.randn(cfg.d_model, cfg.d_mlp) * r)
        self.b_in = nn.Parameter(torch.zeros(cfg.d_mlp))
        self.W_out = nn.Parameter(torch.randn(cfg.d_mlp, cfg.d_model) * r)
        self.b_out = nn.Parameter(torch.zeros(cfg.d_model))
        self.hook_pre = tiny_lens.HookPoint()
        self.hook_post = tiny_lens.HookPoint()

    def forward(self, x: Tensor) -> Tensor:
        pre = self.hook_pre(x @ self.W_in + self.b_in)
        return self.hook_post(torch.relu(pre)) @ self.W_out + self.b_out


class ICLBlock(nn.Module):
    """Attention (tiny_lens's, shortformer positions), then an MLP, both residual."""

    def __init__(self, cfg: ICLConfig):
        super().__init__()
        self.attn = tiny_lens.Attention(cfg)
        self.mlp = MLP(cfg)
        for name in ["resid_pre", "attn_out", "resid_mid", "mlp_out", "resid_post"]:
            setattr(self, f"hook_{name}", tiny_lens.HookPoint())

    def forward(self, resid: Tensor, pos_embed: Tensor) -> Tensor:
        resid = self.hook_resid_pre(resid)
        resid = self.hook_resid_mid(resid + self.hook_attn_out(self.attn(resid + pos_embed, resid)))
        return self.hook_resid_post(resid + self.hook_mlp_out(self.mlp(resid)))


class ICLTransformer(tiny_lens.HookedTransformer):
    """tiny_lens.HookedTransformer with ICLBlocks (attention + MLP) instead of attention-only."""

    def __init__(self, cfg: ICLConfig):
        super().__init__(cfg)
        self.blocks = nn.ModuleList([ICLBlock(cfg) for _ in range(cfg.n_layers)])
        self.hook_dict = {}
        for name, module in self.named_modules():
            if isinstance(module, tiny_lens.HookPoint):
                module.name = name
                self.hook_dict[name] = module


ASSET = Path(__file__).resolve().parent.parent / "assets" / "icl_3l.pt"


def _find_asset(name: str = ASSET.name) -> Path:
    if (ASSET.parent / name).is_file():
        return ASSET.parent / name
    from arena_dungeon.content import content_root

    return content_root() / "dungeons" / "1.4-circuits" / "assets" / name


def load_icl_model(path: str | Path | None = None, generation: bool = False) -> ICLTransformer:
    """The trained ICL model (eval mode, no gradients). generation=True: the model trained
    on every next token (it also writes `, x -> y` after an answer), icl_3l_gen.pt."""
    name = "icl_3l_gen.pt" if generation else ASSET.name
    checkpoint = torch.load(path or _find_asset(name), map_location="cpu", weights_only=True)
    model = ICLTransformer(ICLConfig(**checkpoint["config"]))
    model.load_state_dict(checkpoint["state_dict"])
    model.eval()
    for p in model.parameters():
        p.requires_grad_(False)
    return model
