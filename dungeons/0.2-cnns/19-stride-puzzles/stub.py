"""Room: Stride puzzles.

For each puzzle, find (size, stride) so that torch.arange(20).view(4, 5).as_strided(size,
stride) gives the target listed in the brief.
"""


def stride_puzzles() -> dict[str, tuple[tuple[int, ...], tuple[int, ...]]]:
    """Return {puzzle name: (size, stride)} for the eight puzzles of the brief.

    Names: first_row, first_column, top_left_block, rows_0_and_2, zeros_over_elevens,
    diagonal, sliding_pairs, two_blocks.

    Format of one entry (a made-up answer): "name": ((2,), (3,)) gives [0, 3].
    """
    raise NotImplementedError
