"""Reference solution: stride_puzzles."""


def stride_puzzles() -> dict[str, tuple[tuple[int, ...], tuple[int, ...]]]:
    """Return {puzzle name: (size, stride)} for the eight puzzles of the brief."""
    return {
        "first_row": ((5,), (1,)),
        "first_column": ((4,), (5,)),
        "top_left_block": ((2, 3), (5, 1)),
        "rows_0_and_2": ((2, 3), (10, 1)),
        "zeros_over_elevens": ((2, 3), (11, 0)),
        "diagonal": ((4,), (6,)),
        "sliding_pairs": ((4, 2), (1, 1)),
        "two_blocks": ((2, 2, 2), (2, 5, 1)),
    }
