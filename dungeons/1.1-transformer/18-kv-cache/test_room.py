"""Cases for the KV cache: cached attention against plain attention, the cached model step by
step against a full forward pass, and the cached sampler against the plain greedy loop, with
a count of the positions the model had to process."""

import torch
import torch.nn.functional as F

from arena_dungeon.testing import assert_equal, assert_shape, assert_tensor_close, call, fail, load_asset_module, note

ref = load_asset_module(__file__, "reference")  # shared oracles and helpers
CFG, H, D, E, V = ref.CFG, ref.H, ref.D, ref.E, ref.V
L = CFG["n_layers"]


# --- oracles ----------------------------------------------------------------------------

def model_spec():
    spec = {"embed.W_E": (V, D), "pos_embed.W_pos": (CFG["n_ctx"], D)}
    for i in range(L):
        b = f"blocks.{i}."
        spec |= {**ref.ln_spec(b + "ln1."), **ref.attn_spec(b + "attn."), **ref.ln_spec(b + "ln2."),
                 **ref.mlp_spec(b + "mlp.")}
    return spec | {**ref.ln_spec("ln_final."), "unembed.W_U": (D, V), "unembed.b_U": (V,)}


def ref_model(p, tokens):
    """Oracle: the whole uncached forward pass, from torch built-ins."""
    x = F.embedding(tokens, p["embed.W_E"]) + p["pos_embed.W_pos"][: tokens.shape[1]]
    for i in range(L):
        x = ref.ref_block(p, x, f"blocks.{i}.")
    return F.linear(ref.ref_ln(p, x, "ln_final."), p["unembed.W_U"].T, p["unembed.b_U"])


def ref_keys_values(p, x):
    """Oracle: the keys and values of every position, stacked as a cache entry (2, b, s, h, e)."""
    k = torch.einsum("bpd,hde->bphe", x, p["W_K"]) + p["b_K"]
    v = torch.einsum("bpd,hde->bphe", x, p["W_V"]) + p["b_V"]
    return torch.stack([k, v])


def empty_entry(batch):
    return torch.zeros(2, batch, 0, H, E)


def unpack(got, what, n):
    if not isinstance(got, tuple) or len(got) != n:
        fail(f"{what} returned {type(got).__name__}, expected a tuple of {n} (output, new cache)",
             kind="type")
    return got


def attention(room, seed):
    p = ref.random_params(ref.attn_spec(), seed)
    return ref.load(room.Attention(room.Config(**CFG)), p), p


def model(room, seed):
    p = ref.random_params(model_spec(), seed)
    return ref.load(room.DemoTransformer(room.Config(**CFG)), p), p


def resid(shape, seed):
    return torch.randn(shape, generator=torch.Generator().manual_seed(seed))


def tokens_of(shape, seed):
    return torch.randint(0, V, shape, generator=torch.Generator().manual_seed(seed))


def run_attention_in_chunks(attn, x, sizes):
    """Run attention on x's positions chunk by chunk, threading the cache; return outputs and entry."""
    entry, outs, start = empty_entry(len(x)), [], 0
    for n in sizes:
        what = f"attn(x[:, {start}:{start + n}], cache entry of {start} positions)"
        out, entry = unpack(call(attn, x[:, start:start + n], entry), what, 2)
        assert_shape(out, (len(x), n, D), call=what, dims="batch new d_model")
        assert_shape(entry, (2, len(x), start + n, H, E), call=what + "[1] (the new cache entry)",
                     dims="2 batch seq_len n_heads d_head")
        outs.append(out)
        start += n
    return outs, entry


# --- cached attention -------------------------------------------------------------------

def test_attention_empty_cache_matches_plain_attention(room):
    """Empty cache, 6 new positions: the plain causal attention, and an entry holding their keys and values."""
    attn, p = attention(room, 0)
    x = resid((2, 6, D), 1)
    (out,), entry = run_attention_in_chunks(attn, x, [6])
    assert_tensor_close(out, ref.ref_attention(p, x), call="attn(x of 6 positions, empty entry)[0]",
                        dims="batch new d_model", atol=1e-5, rtol=1e-4)
    assert_tensor_close(entry, ref_keys_values(p, x), call="attn(x of 6 positions, empty entry)[1]",
                        dims="2 batch seq_len n_heads d_head", atol=1e-5, rtol=1e-4)


def test_attention_one_new_token_sees_the_whole_cache(room):
    """6 positions, then 1 new one with their cache: the new query attends to all 7 positions."""
    attn, p = attention(room, 2)
    x = resid((2, 7, D), 3)
    outs, entry = run_attention_in_chunks(attn, x, [6, 1])
    assert_tensor_close(outs[1], ref.ref_attention(p, x)[:, 6:],
                        call="attn(x[:, 6:7], cache entry of positions 0..5)[0]",
                        dims="batch new d_model", atol=1e-5, rtol=1e-4)
    assert_tensor_close(entry, ref_keys_values(p, x), call="the entry after positions 0..6",
                        dims="2 batch seq_len n_heads d_head", atol=1e-5, rtol=1e-4)


def test_attention_several_new_tokens_stay_causal(room):
    """Chunks of 4, 3 and 2 positions: each new query sees the cache and the new positions up to
    its own, never a later one (the mask is offset by the cache length)."""
    attn, p = attention(room, 4)
    x = resid((3, 9, D), 5)
    outs, _ = run_attention_in_chunks(attn, x, [4, 3, 2])
    assert_tensor_close(torch.cat(outs, dim=1), ref.ref_attention(p, x),
                        call="attn in chunks of 4, 3, 2 positions, outputs joined",
                        dims="batch position d_model", atol=1e-5, rtol=1e-4)


# --- the cached model -------------------------------------------------------------------

def test_model_step_by_step_matches_full_forward(room):
    """A prompt of 5 tokens, then 7 single tokens fed with the cache: each step's logits equal
    the full forward pass's logits at that position (position embeddings offset by the cache)."""
    m, p = model(room, 6)
    tokens = tokens_of((2, 12), 7)
    full = ref_model(p, tokens)
    cache = torch.zeros(L, 2, 2, 0, H, E)
    start = 0
    for n in [5] + [1] * 7:
        what = f"model(tokens[:, {start}:{start + n}], cache of {start} positions)"
        logits, cache = unpack(call(m, tokens[:, start:start + n], cache), what, 2)
        assert_shape(cache, (L, 2, 2, start + n, H, E), call=what + "[1] (the new cache)",
                     dims="n_layers 2 batch seq_len n_heads d_head")
        assert_tensor_close(logits, full[:, start:start + n], call=what + "[0]",
                            dims="batch new d_vocab", atol=1e-4, rtol=1e-3)
        start += n


# --- the cached sampler -----------------------------------------------------------------

def greedy(logits):
    return logits.argmax()


def tiny_model_in_room_classes(room):
    lm, tok = ref.tiny_lm()
    m = room.DemoTransformer(room.Config(**vars(lm.cfg)))
    ref.load(m, lm.p)
    return m, lm, tok


def test_sampler_matches_plain_greedy_loop(room):
    """Your cached model and sampler on the tiny character model: the same text as the plain
    loop that reruns the whole prefix, for a budget of 30 and for one that ends at "\\n"."""
    m, lm, tok = tiny_model_in_room_classes(room)
    for prompt, budget in (("the cat", 30), ("one morning the ", 48)):
        got = call(room.sample_with_cache, m, tok, prompt, budget)
        assert_equal(got, ref.generate(lm, tok, prompt, greedy, max_new=budget),
                     call=f"sample_with_cache(model, tokenizer, {prompt!r}, {budget})")
    note(f"with a cache, greedy continues 'one morning the ' as {got!r}")


class CountingLM(torch.nn.Module):
    """The tiny model behind the cached interface, recording how many positions each call feeds.

    Its cache is a stand-in of the right shape, with the token ids so far written into it, so
    the logits are right only if the sampler hands back the cache it was given."""

    def __init__(self):
        super().__init__()
        self.lm, _ = ref.tiny_lm()
        self.cfg = self.lm.cfg
        self.fed, self.modes = [], []

    def forward(self, tokens, kv_cache):
        c = self.cfg
        if tokens.ndim != 2 or kv_cache.ndim != 6:
            fail(f"the model was called with tokens of shape {tuple(tokens.shape)} and a cache of "
                 f"shape {tuple(kv_cache.shape)}; expected (1, new) and (n_layers, 2, 1, past, "
                 "n_heads, d_head)", kind="shape")
        self.fed.append(tokens.shape[1])
        self.modes.append((self.training, torch.is_grad_enabled()))
        past = kv_cache[0, 0, 0, :, 0, 0].long()
        seq = torch.cat([past, tokens[0]])
        logits = self.lm(seq[None])[:, -tokens.shape[1]:]
        cache = torch.zeros(c.n_layers, 2, 1, len(seq), c.n_heads, c.d_head)
        cache[0, 0, 0, :, 0, 0] = seq.float()
        return logits, cache


def test_each_step_feeds_only_the_new_token(room):
    """After the prompt, every call runs the model on exactly 1 new position: 12 + 39 positions
    for 40 new tokens, where the plain loop processes 12 + 13 + ... + 51 = 1,260."""
    counting = CountingLM()
    _, tok = ref.tiny_lm()
    prompt, budget = "the old dog ", 40
    got = call(room.sample_with_cache, counting, tok, prompt, budget)
    assert_equal(got, ref.generate(counting.lm, tok, prompt, greedy, max_new=budget),
                 call=f"sample_with_cache(model, tokenizer, {prompt!r}, {budget})")
    fed = counting.fed
    if not fed or fed[0] != len(prompt) or any(n != 1 for n in fed[1:]):
        shown = ", ".join(map(str, fed[:8])) + (", ..." if len(fed) > 8 else "")
        fail(f"the model was fed {shown} positions per call; expected {len(prompt)} (the prompt) "
             "then 1 per call (only the token just chosen)", kind="value",
             details="With a cache, the past positions' keys and values are already stored: "
                     "feed only the new token and the cache the model returned.")
    generated = len(got) - len(prompt)
    if len(fed) > generated:
        fail(f"the model was called {len(fed)} times for {generated} new tokens; one call per "
             "new token is enough", kind="value")
    plain = sum(len(prompt) + i for i in range(generated))
    note(f"positions processed: {sum(fed)} with the cache, {plain:,} by the plain loop")


def test_sampler_in_eval_mode_without_gradients(room):
    """The model arrives in train mode: every call runs in eval mode with gradients off (a
    cache built with gradients on would keep the whole graph of the generation alive)."""
    counting = CountingLM().train()
    _, tok = ref.tiny_lm()
    call(room.sample_with_cache, counting, tok, "a small bird ", 10)
    if not counting.modes:
        fail("sample_with_cache never called the model", kind="value")
    in_train = sum(training for training, _ in counting.modes)
    tracked = sum(grad for _, grad in counting.modes)
    if in_train:
        fail(f"{in_train} of {len(counting.modes)} model calls ran in train mode", kind="value",
             details="Call model.eval() before generating.")
    if tracked:
        fail(f"{tracked} of {len(counting.modes)} model calls tracked gradients", kind="value",
             details="Generate under `with t.inference_mode():`.")
