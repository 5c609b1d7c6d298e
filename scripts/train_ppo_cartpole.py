"""A longer PPO run on CartPole-v1 than dungeon 2.3's boss grades: its numbers, on your trainer.

Run from the repository root:
    python scripts/train_ppo_cartpole.py                        # the boss room's reference trainer
    python scripts/train_ppo_cartpole.py --trainer my_ppo.py    # your PPOTrainer (the boss's file)
Options: --steps N (default 8,192), --seeds 1,2,3, --threads 1, --lr 2.5e-3.

Settings: the boss's (4 envs x 128 steps a rollout, 4 minibatches, 4 epochs, Adam 2.5e-3
decaying to 0, clip 0.2, GAE lambda 0.95, gamma 0.99), with more steps. Each run prints
the mean of the last 10 training episodes after every phase and ends with the greedy return
over 10 episodes (seeds 100-109). The given modules come from dungeons/2.3-ppo/given and
dungeons/2.2-dqn/given.

Measured with the reference trainer (torch 2.13 CPU, one thread, a loaded 2-core machine):
  4,096 steps (the boss): greedy means (3 episodes) 319-500 on seeds 1-6, 1.1-1.4 s of CPU
  each after the optimiser's one-off import (about 1.5 s more in a fresh process);
  8,192 steps: greedy means (3 episodes) 500 / 403 / 500 on seeds 1 / 2 / 3, 3.5-5.5 s of CPU;
  this script's 10-episode greedy means: 457 / 463 on seeds 1 / 2 (5.0 s / 2.3 s, quiet machine).
"""

import argparse
import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "dungeons" / "2.3-ppo" / "given"), str(ROOT / "dungeons" / "2.2-dqn" / "given")]

import numpy as np  # noqa: E402
import torch  # noqa: E402
from dqn_agent import greedy_returns  # noqa: E402
from ppo_agent import PPOArgs  # noqa: E402

BOSS = ROOT / "dungeons" / "2.3-ppo" / "11-ppo-cartpole" / "solution.py"


def load_trainer(path: Path):
    spec = importlib.util.spec_from_file_location("ppo_trainer_under_test", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PPOTrainer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainer", type=Path, default=BOSS, help="a file defining PPOTrainer")
    parser.add_argument("--steps", type=int, default=8192)
    parser.add_argument("--seeds", default="1")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--lr", type=float, default=2.5e-3)
    opts = parser.parse_args()
    torch.set_num_threads(opts.threads)
    trainer_cls = load_trainer(opts.trainer)
    for seed in (int(s) for s in opts.seeds.split(",")):
        start = time.time()
        trainer = trainer_cls(PPOArgs(seed=seed, total_timesteps=opts.steps, learning_rate=opts.lr))
        for phase in range(1, trainer.args.total_phases + 1):
            trainer.rollout_phase()
            trainer.learning_phase()
            recent = trainer.episode_returns[-10:]
            print(f"seed {seed} phase {phase}/{trainer.args.total_phases}: "
                  f"mean of the last 10 episodes {np.mean(recent) if recent else 0:.0f}", flush=True)
        greedy = greedy_returns(trainer.actor, "CartPole-v1", episodes=10, seed=100)
        print(f"seed {seed}: greedy mean over 10 episodes {np.mean(greedy):.0f} "
              f"({time.time() - start:.1f} s)", flush=True)


if __name__ == "__main__":
    main()
