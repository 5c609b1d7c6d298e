"""Room: the SARSA episode loop, which picks the next action before it learns.

rl_td.py (next to this file) gives Experience, AgentConfig and EpsilonGreedy (self.env,
self.max_steps, get_action, train). observe below is room 11's update.
"""

from rl_td import EpsilonGreedy, Experience


class SARSA(EpsilonGreedy):
    def observe(self, exp: Experience) -> None:
        future = 0.0 if exp.terminated else self.gamma * self.Q[exp.new_obs, exp.new_act]
        self.Q[exp.obs, exp.act] += self.config.lr * (exp.reward + future - self.Q[exp.obs, exp.act])

    def run_episode(self, seed: int | None = None) -> list[float]:
        """Play one episode from self.env.reset(seed=seed), learning after every step.

        Each step: take act, see (new_obs, reward, terminated, truncated); choose new_act =
        get_action(new_obs); observe(Experience(obs, act, reward, new_obs, new_act,
        terminated)); the next step takes that same new_act. Stop when terminated or
        truncated, or after self.max_steps steps. Returns the rewards, one float per step.
        """
        rewards = []
        obs, _ = self.env.reset(seed=seed)
        act = self.get_action(obs)
        for _ in range(self.max_steps):
            new_obs, reward, terminated, truncated, _ = self.env.step(act)
            new_act = self.get_action(new_obs)
            self.observe(Experience(obs, act, float(reward), new_obs, new_act, bool(terminated)))
            rewards.append(float(reward))
            if terminated or truncated:
                break
            obs, act = new_obs, new_act
        return rewards
