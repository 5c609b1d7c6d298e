"""Cases for top_1_acc: argmax-on-diagonal rate vs a dense oracle, in row batches."""

import torch
from torch.overrides import TorchFunctionMode

import tiny_lens
from arena_dungeon.testing import as_number, assert_number_close, call, fail, note


class _BiggestProduct(TorchFunctionMode):
    """Records the largest tensor any torch operation returns while active."""

    def __init__(self):
        super().__init__()
        self.biggest = ()

    def __torch_function__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        if isinstance(out, torch.Tensor) and out.numel() > (torch.Size(self.biggest).numel() if self.biggest else 0):
            self.biggest = tuple(out.shape)
        return out


class _NoFullMatrix(tiny_lens.FactoredMatrix):
    @property
    def AB(self):
        fail("top_1_acc used .AB, which builds the whole (n, n) matrix", kind="rule",
             details="Build only batch_size rows at a time: A[i:i+batch_size] @ B.")


def _oracle(A, B):
    m = A @ B
    hits = sum(int(m[i].argmax().item() == i) for i in range(m.shape[0]))
    return hits / m.shape[0]


def _random_circuit(seed, n, mdim, diag_boost):
    g = torch.Generator().manual_seed(seed)
    A = torch.randn(n, mdim, generator=g)
    B = A.T * diag_boost + torch.randn(mdim, n, generator=g)  # some rows copy, some don't
    return A, B


def _run(room, A, B, batch_size):
    what = f"top_1_acc(FactoredMatrix A {tuple(A.shape)} @ B {tuple(B.shape)}, batch_size={batch_size})"
    mode = _BiggestProduct()
    with mode:
        got = call(room.top_1_acc, _NoFullMatrix(A, B), batch_size=batch_size)
    value = as_number(got, call=what)
    n = A.shape[0]
    if mode.biggest and torch.Size(mode.biggest).numel() > batch_size * n:
        fail(f"{what} built a tensor of shape {mode.biggest}, bigger than batch_size x n = "
             f"{batch_size} x {n}", kind="rule",
             details="Multiply only a slice of A's rows by B at a time.")
    return what, value


def test_hand_example(room):
    """The brief's 3 x 3 example: accuracy 2/3 with batch_size 2."""
    A = torch.tensor([[1.0, 0], [0, 1], [1, 0]])
    B = torch.tensor([[2.0, 0, 1], [0, 1, 0]])
    what, value = _run(room, A, B, 2)
    assert_number_close(value, 2 / 3, call=what, atol=1e-6)


def test_matches_dense_oracle_small_batches(room):
    """Random 200 x 200 circuit of rank 12, batches of 25: same accuracy as the dense argmax."""
    A, B = _random_circuit(0, 200, 12, 2.0)
    expected = _oracle(A, B)
    what, value = _run(room, A, B, 25)
    assert_number_close(value, expected, call=what, atol=1e-6)


def test_batch_size_not_dividing_n(room):
    """301 rows in batches of 64: the last, shorter batch counts too."""
    A, B = _random_circuit(1, 301, 10, 2.0)
    A[-5:] *= 3  # make the tail rows copy strongly, so skipping them shows
    B[:, -5:] += A[-5:].T
    expected = _oracle(A, B)
    what, value = _run(room, A, B, 64)
    assert_number_close(value, expected, call=what, atol=1e-6)


def test_batch_size_bigger_than_n(room):
    """batch_size larger than n: one batch, same answer."""
    A, B = _random_circuit(2, 50, 8, 2.0)
    what, value = _run(room, A, B, 1000)
    assert_number_close(value, _oracle(A, B), call=what, atol=1e-6)


def test_trained_model_induction_heads(room):
    """The shipped model's layer-1 heads: each head's OV circuit, batches of 10."""
    model = tiny_lens.load_model()
    results = []
    for head in range(model.cfg.n_heads):
        A = model.W_E @ model.W_V[1, head]
        B = model.W_O[1, head] @ model.W_U
        what, value = _run(room, A, B, 10)
        assert_number_close(value, _oracle(A, B), call=what.replace("FactoredMatrix", f"OV circuit 1.{head}"), atol=1e-6)
        results.append(f"1.{head} {value:.2f}")
    note("top-1 accuracy (copying) of each layer-1 head's full OV circuit: " + ", ".join(results))
