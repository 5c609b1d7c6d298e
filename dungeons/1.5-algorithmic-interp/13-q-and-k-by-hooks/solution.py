from jaxtyping import Float
from torch import Tensor

import brackets
from brackets import HookPoint, SimpleTokenizer


def get_q_and_k_for_given_input(
    model: brackets.HookedTransformer, tokenizer: SimpleTokenizer, parens: str, layer: int
) -> tuple[Float[Tensor, "seq n_heads d_head"], Float[Tensor, "seq n_heads d_head"]]:
    """Layer `layer`'s queries and keys (every head) on one bracket string, caught with
    hooks on blocks.{layer}.attn.hook_q and hook_k during one model.run_with_hooks run
    (no run_with_cache). The string is tokenized with [start] and [end]; the batch axis
    of size 1 is dropped: (seq, n_heads, d_head) each, seq = len(parens) + 2."""
    store: dict[str, Tensor] = {}

    def keep(activation: Tensor, hook: HookPoint) -> None:
        store[hook.name] = activation[0].detach().clone()

    q_name, k_name = f"blocks.{layer}.attn.hook_q", f"blocks.{layer}.attn.hook_k"
    model.run_with_hooks(tokenizer.tokenize(parens), fwd_hooks=[(q_name, keep), (k_name, keep)])
    return store[q_name], store[k_name]
