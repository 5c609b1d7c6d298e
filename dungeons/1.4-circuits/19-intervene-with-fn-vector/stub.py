import torch
from jaxtyping import Float
from torch import Tensor

from icl_tasks import to_str_tokens, tokenize
from tiny_lens import HookedTransformer, HookPoint, get_act_name


def intervene_with_fn_vector(
    model: HookedTransformer,
    word: str,
    layer: int,
    fn_vector: Float[Tensor, "d_model"],
    prompt_template: str = "{x} ->",
    n_tokens: int = 5,
) -> tuple[str, str]:
    """Greedy generation of n_tokens after the prompt `prompt_template.format(x=word)`
    (tokenized with BOS), twice: plain, then with fn_vector added to hook_resid_post of
    block `layer` at the prompt's last position, in every forward pass. Returns the two
    generated continuations, tokens joined by spaces (the prompt left out).

    Example: word "q", a function vector of "next", n_tokens=5 -> two strings of 5 tokens
    such as "m , c -> l" and "r , c -> d".
    """
    raise NotImplementedError
