"""Room: the linear epsilon schedule."""


def linear_schedule(current_step: int, start_e: float, end_e: float, exploration_fraction: float,
                    total_timesteps: int) -> float:
    """start_e at step 0, falling linearly to end_e at step exploration_fraction * total_timesteps, end_e after.

    linear_schedule(250, 1.0, 0.1, 0.5, 1000) == 0.55
    """
    raise NotImplementedError
