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
    generated continuations, tokens joined by spaces (the prompt left out)."""
    prompt = tokenize(prompt_template.format(x=word))
    pos = prompt.shape[0] - 1

    def add_fv(resid: Float[Tensor, "batch pos d_model"], hook: HookPoint) -> Tensor:
        resid[:, pos] += fn_vector
        return resid

    def generate(fwd_hooks: list) -> str:
        tokens = prompt[None]
        for _ in range(n_tokens):
            logits = model.run_with_hooks(tokens, fwd_hooks=fwd_hooks)
            tokens = torch.cat([tokens, logits[:, -1].argmax(dim=-1, keepdim=True)], dim=1)
        return " ".join(to_str_tokens(tokens[0, pos + 1:]))

    return generate([]), generate([(get_act_name("resid_post", layer), add_fv)])
