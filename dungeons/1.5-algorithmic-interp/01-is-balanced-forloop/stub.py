def is_balanced_forloop(parens: str) -> bool:
    """True if `parens` (only "(" and ")", no [start]/[end]) is balanced.

    Walk left to right keeping the elevation (+1 for "(", -1 for ")"). Balanced means the
    elevation never goes below zero and ends at zero. Example: "(())" -> True,
    "())(" -> False (dips to -1), "((" -> False (ends at 2), "" -> True.
    """
    raise NotImplementedError
