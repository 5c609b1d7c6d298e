"""Cases for PPOAgent.play_step: what one step stores and how the agent moves on, the
logprobs and values of the networks, actions sampled from the policy (not its argmax), an
episode that terminates (done, no bootstrap), and one cut by a time limit (done, and the
reward carries gamma times the critic's value of the real last observation)."""

import gymnasium as gym
import numpy as np
import torch
from torch import nn

from arena_dungeon.testing import assert_equal, assert_shape, assert_tensor_close, fail, fresh_seed
from dqn_parts import make_envs
from ppo_parts import ReplayMemory

GAMMA = 0.9


class EndsAtTwo(gym.Env):
    """Observation [step count]; reward 1 each step; terminates after the second step."""

    observation_space = gym.spaces.Box(-10.0, 10.0, shape=(1,), dtype=np.float32)
    action_space = gym.spaces.Discrete(2)

    def reset(self, *, seed=None, options=None):
        super().reset(seed=seed)
        self.n = 0
        return np.array([0.0], dtype=np.float32), {}

    def step(self, action):
        self.n += 1
        return np.array([float(self.n)], dtype=np.float32), 1.0, self.n == 2, False, {}


if "PPOEndsAtTwo-v0" not in gym.registry:
    gym.register(id="PPOEndsAtTwo-v0", entry_point=EndsAtTwo)


def _agent(room, envs, actor=None, critic=None, seed=0):
    torch.manual_seed(seed)
    n_obs, n_act = envs.single_observation_space.shape[0], int(envs.single_action_space.n)
    actor = actor or nn.Sequential(nn.Linear(n_obs, 8), nn.Tanh(), nn.Linear(8, n_act))
    critic = critic or nn.Sequential(nn.Linear(n_obs, 8), nn.Tanh(), nn.Linear(8, 1))
    memory = ReplayMemory(envs.num_envs, envs.single_observation_space.shape, (), 64, 8, 1, seed)
    return room.PPOAgent(envs, actor, critic, memory, GAMMA), memory


def _constant(value: float, n_in: int) -> nn.Linear:
    layer = nn.Linear(n_in, 1)
    nn.init.zeros_(layer.weight)
    nn.init.constant_(layer.bias, value)
    return layer


def test_one_step_is_stored(room):
    """CartPole, 3 envs, two play_steps: the memory holds two steps (obs (3, 4), the rest (3,)), the second step's obs is what the first envs.step returned, and agent.step is 6."""
    envs = make_envs("CartPole-v1", 3, seed=fresh_seed(0))
    agent, memory = _agent(room, envs)
    first_obs = np.array(agent.next_obs)
    agent.play_step()
    after_one = np.array([env.unwrapped.state for env in envs.envs], dtype=np.float32)
    agent.play_step()
    assert_equal(len(memory.obs), 2, call="steps in the memory after two play_step() calls")
    assert_shape(memory.obs[0], (3, 4), call="memory.obs[0]", dims="num_envs obs")
    for name in ("actions", "logprobs", "values", "rewards", "dones"):
        assert_shape(getattr(memory, name)[0], (3,), call=f"memory.{name}[0]", dims="num_envs")
    assert_tensor_close(memory.obs[0], torch.as_tensor(first_obs), call="memory.obs[0] (the obs the "
                        "first actions were chosen from: agent.next_obs before the step)", dims="num_envs obs")
    assert_tensor_close(memory.obs[1], torch.as_tensor(after_one), call="memory.obs[1] (the obs the "
                        "first envs.step returned: keep it in self.next_obs)", dims="num_envs obs")
    assert_equal(int(agent.step), 6, call="agent.step after two play_step() calls with 3 envs")


def test_logprobs_and_values_come_from_the_networks(room):
    """The stored logprob is log pi(action | obs) under the actor, and the stored value is the critic's V(obs), squeezed to (num_envs,)."""
    envs = make_envs("CartPole-v1", 4, seed=fresh_seed(1))
    agent, memory = _agent(room, envs, seed=fresh_seed(1))
    agent.play_step()
    obs, actions = memory.obs[0], memory.actions[0].long()
    with torch.no_grad():
        logp = torch.log_softmax(agent.actor(obs), -1).gather(-1, actions[:, None]).squeeze(-1)
        values = agent.critic(obs).squeeze(-1)
    assert_tensor_close(memory.logprobs[0], logp, atol=1e-5, call="memory.logprobs[0] against "
                        "log_softmax(actor(obs))[action]", dims="num_envs")
    assert_tensor_close(memory.values[0], values, atol=1e-5, call="memory.values[0] against "
                        "critic(obs).squeeze(-1)", dims="num_envs")


def test_actions_are_sampled_from_the_policy(room):
    """An actor giving action 1 probability 0.8 in every state: over 100 steps of 4 CartPole envs, action 1 is taken about 80% of the time (not always: sample, don't take the argmax)."""
    envs = make_envs("CartPole-v1", 4, seed=fresh_seed(2))
    actor = nn.Linear(4, 2)
    nn.init.zeros_(actor.weight)
    with torch.no_grad():
        actor.bias.copy_(torch.tensor([0.0, float(np.log(4.0))]))
    agent, memory = _agent(room, envs, actor=actor, seed=fresh_seed(2))
    for _ in range(100):
        agent.play_step()
    share = float(torch.stack(memory.actions).float().mean())
    if not 0.7 < share < 0.9:
        fail(f"with pi(1 | s) = 0.8 everywhere, your agent took action 1 in {share:.0%} of 400 "
             "steps, expected about 80%: sample from Categorical(logits=actor(obs)) (PPO needs "
             "the exploring policy's own actions and their log-probabilities)", kind="value")


def test_termination_does_not_bootstrap(room):
    """An episode that terminates at its second step (reward 1 each step), a critic that says 5 everywhere: the second step is stored as done with reward exactly 1 (no future after a real end)."""
    envs = make_envs("PPOEndsAtTwo-v0", 2, seed=0)
    agent, memory = _agent(room, envs, critic=_constant(5.0, 1))
    agent.play_step()
    agent.play_step()
    assert_tensor_close(torch.stack(memory.dones).float(), torch.tensor([[0.0, 0.0], [1.0, 1.0]]),
                        call="memory.dones over the two steps (the episode terminates at the second)",
                        dims="steps num_envs")
    assert_tensor_close(torch.stack(memory.rewards), torch.ones(2, 2),
                        call="memory.rewards over the two steps (critic says 5; a terminated step adds "
                        "nothing)", dims="steps num_envs")


def _truncated_run(room, seed):
    """CartPole with a 3-step limit, a critic reading the observation: three play_steps."""
    envs = make_envs("CartPole-v1", 2, seed=seed, max_episode_steps=3)
    critic = nn.Linear(4, 1)
    with torch.no_grad():
        critic.weight.copy_(torch.tensor([[3.0, -2.0, 5.0, 1.0]]))
        critic.bias.fill_(1.0)
    agent, memory = _agent(room, envs, critic=critic, seed=seed)
    infos = [agent.play_step() for _ in range(3)]
    return critic, memory, infos


def test_time_limit_ends_the_episode(room):
    """CartPole cut at 3 steps (too short to fall): the third step is stored as done (terminated or truncated), the first two are not."""
    _, memory, _ = _truncated_run(room, fresh_seed(3))
    assert_tensor_close(torch.stack(memory.dones).float(), torch.tensor([[0.0, 0.0], [0.0, 0.0], [1.0, 1.0]]),
                        call="memory.dones over three steps of CartPole with max_episode_steps=3 "
                        "(dones = terminated | truncated: the next obs belongs to a new episode)",
                        dims="steps num_envs")


def test_time_limit_bootstraps_the_last_value(room):
    """CartPole cut at 3 steps: the third step's reward is 1 + gamma * V(real last obs) (infos["final_obs"]), the first two are 1."""
    critic, memory, infos = _truncated_run(room, fresh_seed(4))
    final = torch.as_tensor(np.stack(infos[2]["final_obs"]), dtype=torch.float32)
    with torch.no_grad():
        last = 1.0 + GAMMA * critic(final).squeeze(-1)
    want = torch.stack([torch.ones(2), torch.ones(2), last])
    assert_tensor_close(torch.stack(memory.rewards), want, atol=1e-4,
                        call="memory.rewards over three steps of CartPole cut at 3 (critic V(s) = "
                        "3 s0 - 2 s1 + 5 s2 + s3 + 1, gamma 0.9)", dims="steps num_envs")
