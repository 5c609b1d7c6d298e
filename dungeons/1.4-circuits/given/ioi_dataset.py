"""ioi_dataset: IOI-style prompts in a small synthetic vocabulary, written for dungeon 1.4.

GIVEN code: read it and import from it, but don't edit it (grading uses the shipped copy).

A prompt is one of a few templates with three name slots, e.g.

    <bos> when Ann and Bob went to the park , Bob gave a key to   -> Ann

Two names are introduced (A and B); then one of them, the *subject* S, comes back (S2),
and the right next token is the other one, the *indirect object* IO. "ABB" prompts have
IO first (A = IO, B = S), "BAB" prompts have S first. Every template is exactly
`SEQ_LEN` tokens long (BOS included) and ends at the word "to", so the answer is always
predicted at the last position, `END = SEQ_LEN - 1`; the names sit at different
positions in different templates.

- `VOCAB`, `NAMES`, `tokenize(text)`, `to_str_tokens(tokens)`.
- `IOIDataset(n, seed, templates=..., names=...)`: `.toks (n, SEQ_LEN)`, `.io_tokens`,
  `.s_tokens (n,)`, `.word_idx` {"IO", "S1", "S2", "end"} -> positions (n,),
  `.answer_tokens (n, 2)` = [IO, S], `.sentences`; `.flip_s2()` (S2 replaced by IO, so
  the answer flips) and `.abc()` (three fresh distinct names, the same templates).
- `load_ioi_model()`: the trained model shipped in ../assets/ioi_3l.pt.
"""

from __future__ import annotations

from pathlib import Path

import torch
from torch import Tensor

import tiny_lens

NAMES = ["Ann", "Bob", "Cat", "Dan", "Eve", "Fay", "Gus", "Hal", "Ivy", "Jon", "Kim", "Lee",
         "Max", "Ned", "Oli", "Pam", "Quy", "Rex", "Sam", "Tom", "Uma", "Val", "Wes", "Xia",
         "Yan", "Zoe", "Amy", "Ben", "Cid", "Dot"]
PLACES = ["store", "park", "school", "garden", "station", "market"]
OBJECTS = ["drink", "book", "ball", "key", "cake", "gift"]
WORDS = ["when", "then", "while", "and", "went", "to", "the", "a", ",", ".", "gave", "had",
         "at", "were", "working", "decided", "give", "handed", "it", "later", "so"]
VOCAB = ["<bos>"] + WORDS + PLACES + OBJECTS + NAMES
TOKEN = {word: i for i, word in enumerate(VOCAB)}
BOS = 0
NAME_TOKENS = torch.tensor([TOKEN[n] for n in NAMES])

# [A], [B] = the two introduced names, [S] = the returning name (S2); [P] place, [O] object.
TEMPLATES = [
    "when [A] and [B] went to the [P] , [S] later gave a [O] to",
    "then , [A] and [B] were at the [P] . [S] gave a [O] to",
    "while [A] and [B] were working at the [P] , [S] gave a [O] to",
    "[A] and [B] went to the [P] . later , [S] gave the [O] to",
    "when [A] and [B] went to the [P] , [S] decided to give it to",
    "then [A] and [B] went to the [P] , so [S] handed a [O] to",
    "[A] and [B] had a [O] at the [P] , so [S] gave it to",
    "at the [P] , [A] and [B] had a [O] . [S] handed it to",
    "so [A] and [B] went to the [P] , then [S] gave a [O] to",
]
TRAIN_TEMPLATES = TEMPLATES[:7]
TEST_TEMPLATES = TEMPLATES[7:]  # never seen in training
SEQ_LEN = 16  # BOS + 15 words, for every template
END = SEQ_LEN - 1
for _t in TEMPLATES:
    assert len(_t.split()) == SEQ_LEN - 1, _t


def tokenize(text: str) -> Tensor:
    """'when Ann and Bob ...' -> (seq,) ints, with BOS prepended."""
    return torch.tensor([BOS] + [TOKEN[w] for w in text.split()])


def to_str_tokens(tokens: Tensor) -> list[str]:
    return [VOCAB[int(t)] for t in tokens]


def held_out_pair(a: int, b: int) -> bool:
    """Name pairs (by index in NAMES) kept out of training: about one pair in five."""
    lo, hi = min(a, b), max(a, b)
    return (lo * 7 + hi * 3) % 5 == 0


class IOIDataset:
    """n prompts; prompt i uses templates[i % len(templates)], ABB if i is even else BAB."""

    def __init__(self, n: int, seed: int = 0, templates: list[str] | None = None,
                 names: list[str] | None = None, pairs: str = "any"):
        """pairs: "any", "train" (no held-out pair) or "test" (only held-out pairs)."""
        gen = torch.Generator().manual_seed(seed)
        self.templates = templates or TEMPLATES
        pool = torch.tensor([TOKEN[n] for n in (names or NAMES)])
        self.n = n
        io, s = torch.empty(n, dtype=torch.long), torch.empty(n, dtype=torch.long)
        for i in range(n):
            while True:
                a, b = torch.randperm(len(pool), generator=gen)[:2].tolist()
                if pairs == "any" or held_out_pair(a, b) == (pairs == "test"):
                    break
            io[i], s[i] = pool[a], pool[b]
        place = torch.randint(len(PLACES), (n,), generator=gen)
        obj = torch.randint(len(OBJECTS), (n,), generator=gen)
        self.io_tokens, self.s_tokens = io, s
        self.abb = torch.arange(n) % 2 == 0  # IO first
        self.template_ids = torch.arange(n) % len(self.templates)
        self.toks = torch.empty(n, SEQ_LEN, dtype=torch.long)
        self.word_idx = {k: torch.empty(n, dtype=torch.long) for k in ("IO", "S1", "S2", "end")}
        for i in range(n):
            words = self.templates[int(self.template_ids[i])].split()
            first, second = (io[i], s[i]) if self.abb[i] else (s[i], io[i])
            slots = {"[A]": first, "[B]": second, "[S]": s[i],
                     "[P]": TOKEN[PLACES[place[i]]], "[O]": TOKEN[OBJECTS[obj[i]]]}
            row = [BOS] + [int(slots[w]) if w in slots else TOKEN[w] for w in words]
            self.toks[i] = torch.tensor(row)
            a_pos, b_pos = 1 + words.index("[A]"), 1 + words.index("[B]")
            self.word_idx["IO"][i] = a_pos if self.abb[i] else b_pos
            self.word_idx["S1"][i] = b_pos if self.abb[i] else a_pos
            self.word_idx["S2"][i] = 1 + words.index("[S]")
            self.word_idx["end"][i] = END

    @property
    def answer_tokens(self) -> Tensor:
        """(n, 2): [correct (IO), wrong (S)] for each prompt."""
        return torch.stack([self.io_tokens, self.s_tokens], dim=1)

    @property
    def sentences(self) -> list[str]:
        return [" ".join(to_str_tokens(row[1:])) for row in self.toks]

    def _copy(self) -> "IOIDataset":
        new = object.__new__(IOIDataset)
        new.__dict__ = {k: (v.clone() if isinstance(v, Tensor) else v)
                        for k, v in self.__dict__.items()}
        new.word_idx = {k: v.clone() for k, v in self.word_idx.items()}
        return new

    def flip_s2(self) -> "IOIDataset":
        """The same prompts with S2 replaced by the IO name: now IO is the repeated name,
        so the right answer is the old S (answer_tokens are swapped)."""
        new = self._copy()
        rows = torch.arange(self.n)
        new.toks[rows, self.word_idx["S2"]] = self.io_tokens
        new.io_tokens, new.s_tokens = self.s_tokens.clone(), self.io_tokens.clone()
        return new

    def abc(self, seed: int = 1) -> "IOIDataset":
        """The same templates, places and objects with three fresh distinct names in the
        three slots (A, B, S2 all different): no name repeats, so no IO to find."""
        new = self._copy()
        gen = torch.Generator().manual_seed(seed)
        rows = torch.arange(self.n)
        for i in range(self.n):
            x, y, z = NAME_TOKENS[torch.randperm(len(NAMES), generator=gen)[:3]]
            first = min(self.word_idx["IO"][i], self.word_idx["S1"][i])
            second = max(self.word_idx["IO"][i], self.word_idx["S1"][i])
            new.toks[i, first], new.toks[i, second], new.toks[i, self.word_idx["S2"][i]] = x, y, z
        new.io_tokens = new.toks[rows, self.word_idx["IO"]]
        new.s_tokens = new.toks[rows, self.word_idx["S1"]]
        return new


# --------------------------------------------------------------------------- the model

ASSET = Path(__file__).resolve().parent.parent / "assets" / "ioi_3l.pt"


def _find_asset() -> Path:
    if ASSET.is_file():
        return ASSET
    from arena_dungeon.content import content_root

    return content_root() / "dungeons" / "1.4-circuits" / "assets" / ASSET.name


def load_ioi_model() -> tiny_lens.HookedTransformer:
    """The trained IOI model (eval mode, no gradients)."""
    return tiny_lens.load_model(_find_asset())
