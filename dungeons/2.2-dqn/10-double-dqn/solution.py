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
        data = self.buffer.sample(self.args.batch_size)
        with t.inference_mode():
            best = self.q_network(data.next_obs).argmax(-1, keepdim=True)
            next_value = self.target_network(data.next_obs).gather(-1, best).squeeze(-1)
        target = data.rewards + self.args.gamma * next_value * (1 - data.terminated.float())
        predicted = self.q_network(data.obs).gather(-1, data.actions[:, None]).squeeze(-1)
        loss = (target - predicted).pow(2).mean()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        if step % self.args.trains_per_target_update == 0:
            self.target_network.load_state_dict(self.q_network.state_dict())
        return loss.item()
