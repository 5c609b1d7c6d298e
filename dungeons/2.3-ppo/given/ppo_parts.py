"""ppo_parts: the answers of rooms 1-4 and 6-9 (the networks, GAE, the minibatch scheme, the
memory, the three loss terms, the schedule), for the rooms that build on them. Nothing in it
is an exercise.

GIVEN code: read it and import from it, but don't edit it (grading always uses the shipped
copy, whatever this file says). What is in it:

- `layer_init(layer, std, bias_const)` and `get_actor_and_critic(envs)`: room 1.
- `compute_advantages(next_value, rewards, values, dones, gamma, gae_lambda)`: room 2 (GAE).
- `get_minibatch_indices(rng, batch_size, minibatch_size)`: room 3.
- `ReplayMinibatch` and `ReplayMemory(num_envs, obs_shape, action_shape, batch_size,
  minibatch_size, batches_per_learning_phase, seed)`: room 4 (`add`, `get_minibatches`, `reset`).
- `calc_clipped_surrogate_objective`, `calc_value_function_loss`, `calc_entropy_bonus`: rooms 6-8.
- `PPOScheduler(optimizer, initial_lr, end_lr, total_phases)` and `make_optimizer(actor, critic,
  total_phases, initial_lr, end_lr)`: room 9.
"""

import itertools
from dataclasses import dataclass

import gymnasium as gym
import numpy as np
import torch as t
from jaxtyping import Bool, Float, Int
from torch import Tensor, nn
from torch.distributions import Categorical


def layer_init(layer: nn.Linear, std: float = np.sqrt(2), bias_const: float = 0.0) -> nn.Linear:
    nn.init.orthogonal_(layer.weight, std)
    nn.init.constant_(layer.bias, bias_const)
    return layer


def get_actor_and_critic(envs: gym.vector.SyncVectorEnv, hidden: int = 64) -> tuple[nn.Sequential, nn.Sequential]:
    num_obs = int(np.prod(envs.single_observation_space.shape))
    num_actions = int(envs.single_action_space.n)
    critic = nn.Sequential(
        layer_init(nn.Linear(num_obs, hidden)), nn.Tanh(),
        layer_init(nn.Linear(hidden, hidden)), nn.Tanh(),
        layer_init(nn.Linear(hidden, 1), std=1.0),
    )
    actor = nn.Sequential(
        layer_init(nn.Linear(num_obs, hidden)), nn.Tanh(),
        layer_init(nn.Linear(hidden, hidden)), nn.Tanh(),
        layer_init(nn.Linear(hidden, num_actions), std=0.01),
    )
    return actor, critic


@t.inference_mode()
def compute_advantages(next_value: Float[Tensor, "num_envs"], rewards: Float[Tensor, "steps num_envs"],
                       values: Float[Tensor, "steps num_envs"], dones: Bool[Tensor, "steps num_envs"],
                       gamma: float, gae_lambda: float) -> Float[Tensor, "steps num_envs"]:
    steps = rewards.shape[0]
    live = 1.0 - dones.float()
    next_values = t.cat([values[1:], next_value[None]])
    deltas = rewards + gamma * next_values * live - values
    advantages = t.zeros_like(deltas)
    running = t.zeros_like(next_value)
    for s in reversed(range(steps)):
        running = deltas[s] + gamma * gae_lambda * live[s] * running
        advantages[s] = running
    return advantages


def get_minibatch_indices(rng: np.random.Generator, batch_size: int, minibatch_size: int) -> list[np.ndarray]:
    assert batch_size % minibatch_size == 0, "minibatch_size must divide batch_size"
    return list(rng.permutation(batch_size).reshape(-1, minibatch_size))


@dataclass
class ReplayMinibatch:
    obs: Float[Tensor, "minibatch_size *obs_shape"]
    actions: Int[Tensor, "minibatch_size *action_shape"]
    logprobs: Float[Tensor, "minibatch_size"]
    advantages: Float[Tensor, "minibatch_size"]
    returns: Float[Tensor, "minibatch_size"]


class ReplayMemory:
    def __init__(self, num_envs: int, obs_shape: tuple, action_shape: tuple, batch_size: int,
                 minibatch_size: int, batches_per_learning_phase: int, seed: int = 0):
        self.num_envs = num_envs
        self.obs_shape = tuple(obs_shape)
        self.action_shape = tuple(action_shape)
        self.batch_size = batch_size
        self.minibatch_size = minibatch_size
        self.batches_per_learning_phase = batches_per_learning_phase
        self.rng = np.random.default_rng(seed)
        self.reset()

    def reset(self) -> None:
        self.obs, self.actions, self.logprobs, self.values, self.rewards, self.dones = [], [], [], [], [], []

    def add(self, obs, actions, logprobs, values, rewards, dones) -> None:
        self.obs.append(t.as_tensor(np.asarray(obs), dtype=t.float32))
        self.actions.append(t.as_tensor(np.asarray(actions), dtype=t.int64))
        self.logprobs.append(t.as_tensor(np.asarray(logprobs), dtype=t.float32))
        self.values.append(t.as_tensor(np.asarray(values), dtype=t.float32))
        self.rewards.append(t.as_tensor(np.asarray(rewards), dtype=t.float32))
        self.dones.append(t.as_tensor(np.asarray(dones), dtype=t.bool))

    def get_minibatches(self, next_value: Tensor, gamma: float, gae_lambda: float) -> list[ReplayMinibatch]:
        obs, actions, logprobs, values, rewards, dones = (
            t.stack(x) for x in (self.obs, self.actions, self.logprobs, self.values, self.rewards, self.dones))
        advantages = compute_advantages(next_value, rewards, values, dones, gamma, gae_lambda)
        returns = advantages + values
        flat = [x.flatten(0, 1) for x in (obs, actions, logprobs, advantages, returns)]
        out = []
        for _ in range(self.batches_per_learning_phase):
            for idx in get_minibatch_indices(self.rng, self.batch_size, self.minibatch_size):
                out.append(ReplayMinibatch(*(x[idx] for x in flat)))
        return out


def calc_clipped_surrogate_objective(probs: Categorical, mb_action: Int[Tensor, "minibatch"],
                                     mb_advantages: Float[Tensor, "minibatch"], mb_logprobs: Float[Tensor, "minibatch"],
                                     clip_coef: float, eps: float = 1e-8) -> Float[Tensor, ""]:
    ratio = (probs.log_prob(mb_action) - mb_logprobs).exp()
    adv = (mb_advantages - mb_advantages.mean()) / (mb_advantages.std() + eps)
    unclipped = ratio * adv
    clipped = ratio.clamp(1 - clip_coef, 1 + clip_coef) * adv
    return t.minimum(unclipped, clipped).mean()


def calc_value_function_loss(values: Float[Tensor, "minibatch"], mb_returns: Float[Tensor, "minibatch"],
                             vf_coef: float) -> Float[Tensor, ""]:
    return 0.5 * vf_coef * (values - mb_returns).pow(2).mean()


def calc_entropy_bonus(dist: Categorical, ent_coef: float) -> Float[Tensor, ""]:
    return ent_coef * dist.entropy().mean()


class PPOScheduler:
    def __init__(self, optimizer: t.optim.Optimizer, initial_lr: float, end_lr: float, total_phases: int):
        self.optimizer = optimizer
        self.initial_lr = initial_lr
        self.end_lr = end_lr
        self.total_phases = total_phases
        self.n_step_calls = 0

    def step(self) -> None:
        self.n_step_calls += 1
        frac = self.n_step_calls / self.total_phases
        for group in self.optimizer.param_groups:
            group["lr"] = self.initial_lr + frac * (self.end_lr - self.initial_lr)


def make_optimizer(actor: nn.Module, critic: nn.Module, total_phases: int, initial_lr: float,
                   end_lr: float = 0.0) -> tuple[t.optim.Adam, PPOScheduler]:
    params = itertools.chain(actor.parameters(), critic.parameters())
    optimizer = t.optim.Adam(params, lr=initial_lr, eps=1e-5, maximize=True)
    return optimizer, PPOScheduler(optimizer, initial_lr, end_lr, total_phases)
