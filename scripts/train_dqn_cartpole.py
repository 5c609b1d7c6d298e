"""A longer DQN run on CartPole-v1 than dungeon 2.2's boss grades: its numbers, on your trainer.

Run from the repository root:
    python scripts/train_dqn_cartpole.py                      # the boss room's reference trainer
    python scripts/train_dqn_cartpole.py --trainer my_dqn.py  # your DQNTrainer (the boss's file)
Options: --steps N (default 10,000), --seeds 1,2,3, --threads 1.

Settings: the boss's (buffer 200, batch 64, Adam 2.5e-3, train every agent step, target
synced every 50 steps, epsilon 1 -> 0.05 over the first half, hidden [64, 64]), with more
steps. Each run prints progress every 1,000 steps and ends with the greedy return over 10
episodes (seeds 100-109). The given modules come from dungeons/2.2-dqn/given.

Measured with the reference trainer (torch 2.13 CPU, one thread, a shared 2-core machine):
  1,500 steps (the boss): greedy means 74-259 on seeds 1-12 (3 episodes), 1-3 s each;
  10,000 steps: greedy means over 10 episodes 208 / 146 / 153 on seeds 1 / 2 / 3,
  20 s on a quiet machine (up to 130 s under load).
  None of these reached CartPole's cap of 500: 20,000 steps with lr 1e-3, buffer 2,000 and
  a sync every 200 steps gave 250 (seed 1, about 100 s under load). DQN on CartPole is
  known to plateau and wobble; compare changes over several seeds.
"""

import argparse
import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DUNGEON = ROOT / "dungeons" / "2.2-dqn"
sys.path.insert(0, str(DUNGEON / "given"))

import numpy as np  # noqa: E402
import torch  # noqa: E402
from dqn_agent import DQNArgs, greedy_returns  # noqa: E402

SETTINGS = dict(env_id="CartPole-v1", buffer_size=200, batch_size=64, learning_rate=2.5e-3,
                steps_per_train=1, trains_per_target_update=50, exploration_fraction=0.5,
                end_e=0.05, hidden_sizes=[64, 64])


def load_trainer(path: Path):
    spec = importlib.util.spec_from_file_location("player_dqn", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.DQNTrainer


def run(trainer_cls, steps: int, seed: int) -> None:
    trainer = trainer_cls(DQNArgs(seed=seed, total_timesteps=steps, **SETTINGS))
    total, real = trainer.args.total_training_steps, trainer.training_step
    start = time.perf_counter()

    def reported(step):
        if step % 1000 == 0:
            rets = trainer.episode_returns[-10:]
            print(f"  seed {seed}: step {step:6d}/{total}, {len(trainer.episode_returns)} episodes, "
                  f"last 10 returns {np.mean(rets) if rets else 0:.0f}, epsilon "
                  f"{trainer.agent.epsilon:.2f}, {time.perf_counter() - start:.0f} s", flush=True)
        return real(step)

    trainer.training_step = reported
    trainer.train()
    seconds = time.perf_counter() - start
    greedy = greedy_returns(trainer.q_network, "CartPole-v1", episodes=10, seed=100)
    print(f"seed {seed}: {steps:,} steps in {seconds:.1f} s; greedy returns over 10 episodes: "
          f"mean {np.mean(greedy):.0f}, min {min(greedy):.0f}, max {max(greedy):.0f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainer", type=Path, default=DUNGEON / "08-dqn-cartpole" / "solution.py")
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--seeds", default="1")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    trainer_cls = load_trainer(args.trainer)
    for seed in (int(s) for s in args.seeds.split(",")):
        run(trainer_cls, args.steps, seed)


if __name__ == "__main__":
    main()
