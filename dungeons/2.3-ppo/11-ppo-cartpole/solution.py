"""Boss: a whole PPO trainer that passes the probes and balances the pole.

dqn_parts.py (2.2) gives make_envs; dqn_agent.py (2.2) episode_returns(infos); importing
dqn_probes registers Probe1-v0 ... Probe5-v0; ppo_parts.py gives get_actor_and_critic,
ReplayMemory, the three terms and make_optimizer; ppo_agent.py gives PPOArgs and PPOAgent.
"""

import torch as t
from torch import nn
from torch.distributions import Categorical

import dqn_probes  # noqa: F401
from dqn_agent import episode_returns
from dqn_parts import make_envs
from ppo_agent import PPOAgent, PPOArgs
from ppo_parts import (ReplayMemory, ReplayMinibatch, calc_clipped_surrogate_objective, calc_entropy_bonus,
                       calc_value_function_loss, get_actor_and_critic, make_optimizer)


class PPOTrainer:
    def __init__(self, args: PPOArgs):
        """t.manual_seed(args.seed); self.envs (make_envs); self.actor, self.critic; self.memory;
        self.agent; self.optimizer, self.scheduler (make_optimizer); self.episode_returns = []."""
        self.args = args
        t.manual_seed(args.seed)
        self.envs = make_envs(args.env_id, args.num_envs, args.seed, args.max_episode_steps)
        self.actor, self.critic = get_actor_and_critic(self.envs, args.hidden)
        self.memory = ReplayMemory(args.num_envs, self.envs.single_observation_space.shape,
                                   self.envs.single_action_space.shape, args.batch_size,
                                   args.minibatch_size, args.batches_per_learning_phase, args.seed)
        self.agent = PPOAgent(self.envs, self.actor, self.critic, self.memory, args.gamma)
        self.optimizer, self.scheduler = make_optimizer(self.actor, self.critic, args.total_phases,
                                                        args.learning_rate, args.end_lr)
        self.episode_returns: list[float] = []

    def rollout_phase(self) -> list[float]:
        """num_steps_per_rollout agent steps; return (and keep) the returns of the episodes that end."""
        ended: list[float] = []
        for _ in range(self.args.num_steps_per_rollout):
            ended += episode_returns(self.agent.play_step())
        self.episode_returns += ended
        return ended

    def learning_phase(self) -> None:
        """For each minibatch: the objective, backward, clip the gradient norm, step, zero the
        gradients. Then one scheduler step."""
        params = [p for m in (self.actor, self.critic) for p in m.parameters()]
        for minibatch in self.agent.get_minibatches(self.args.gamma, self.args.gae_lambda):
            objective = self.compute_ppo_objective(minibatch)
            objective.backward()
            nn.utils.clip_grad_norm_(params, self.args.max_grad_norm)
            self.optimizer.step()
            self.optimizer.zero_grad()
        self.scheduler.step()

    def compute_ppo_objective(self, minibatch: ReplayMinibatch) -> t.Tensor:
        """Room 10's: clipped surrogate - value loss + entropy bonus."""
        dist = Categorical(logits=self.actor(minibatch.obs))
        values = self.critic(minibatch.obs).squeeze(-1)
        args = self.args
        return (calc_clipped_surrogate_objective(dist, minibatch.actions, minibatch.advantages,
                                                 minibatch.logprobs, args.clip_coef)
                - calc_value_function_loss(values, minibatch.returns, args.vf_coef)
                + calc_entropy_bonus(dist, args.ent_coef))

    def train(self) -> list[float]:
        """total_phases times: a rollout phase, then a learning phase. Returns self.episode_returns."""
        for _ in range(self.args.total_phases):
            self.rollout_phase()
            self.learning_phase()
        return self.episode_returns
