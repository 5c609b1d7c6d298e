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
        data = self.buffer.sample(self.args.batch_size)
        with t.inference_mode():
            next_value = self.target_network(data.next_obs).max(-1).values
        target = data.rewards + self.args.gamma * next_value * (1 - data.terminated.float())
        predicted = self.q_network(data.obs).gather(-1, data.actions[:, None]).squeeze(-1)
        loss = (target - predicted).pow(2).mean()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        if step % self.args.trains_per_target_update == 0:
            self.target_network.load_state_dict(self.q_network.state_dict())
        return loss.item()
