"""Room: the DQN training step, with a target network.

dqn_trainer.py (next to this file) gives DQNTrainerBase: self.args (DQNArgs), self.buffer,
self.q_network, self.target_network, self.optimizer, and a train() loop that calls your
training_step(step) with step = 1, 2, ... total_training_steps.
"""

import torch as t

from dqn_trainer import DQNTrainerBase


class DQNTrainer(DQNTrainerBase):
    def training_step(self, step: int) -> float:
        """One gradient step on a batch from the buffer; sync the target every trains_per_target_update steps.

        Returns the loss (a float): the mean squared TD error of the batch.
        """
        raise NotImplementedError
