"""Bonus room: Double DQN, the online network choosing the next action and the target network scoring it.

dqn_trainer.py (next to this file) gives DQNTrainerBase: self.args (DQNArgs), self.buffer,
self.q_network, self.target_network, self.optimizer, and a train() loop that calls your
training_step(step) with step = 1, 2, ... total_training_steps.
"""

import torch as t

from dqn_trainer import DQNTrainerBase


class DoubleDQNTrainer(DQNTrainerBase):
    def training_step(self, step: int) -> float:
        """Room 7's step with the Double DQN target: a* = argmax_a q_network(next_obs),
        valued by target_network(next_obs)[a*]. Returns the loss (a float)."""
        raise NotImplementedError
