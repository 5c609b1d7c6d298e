"""Cases for get_actor_and_critic and layer_init: CartPole's shapes and parameter counts,
other environments' sizes, Tanh between the layers, and the orthogonal initialisation (the
actor's last layer tiny, the critic's of scale 1, every bias zero)."""

import gymnasium as gym
import torch
from torch import nn

from arena_dungeon.testing import assert_equal, assert_shape, fail, fresh_seed


def _envs(env_id: str, n: int = 2):
    return gym.vector.SyncVectorEnv([lambda: gym.make(env_id) for _ in range(n)])


def _count(net) -> int:
    return sum(p.numel() for p in net.parameters())


def _linears(net) -> list[nn.Linear]:
    return [m for m in net.modules() if isinstance(m, nn.Linear)]


def _singular_values(w: torch.Tensor) -> torch.Tensor:
    return torch.linalg.svdvals(w.detach().double())


def test_cartpole_shapes_and_sizes(room):
    """CartPole (4 observations, 2 actions): the actor maps (5, 4) to logits (5, 2) with 4,610 parameters, the critic to values (5, 1) with 4,545."""
    torch.manual_seed(fresh_seed(0))
    actor, critic = room.get_actor_and_critic(_envs("CartPole-v1"))
    obs = torch.randn(5, 4)
    assert_shape(actor(obs), (5, 2), call="actor(obs of shape (5, 4))", dims="batch actions")
    assert_shape(critic(obs), (5, 1), call="critic(obs of shape (5, 4))", dims="batch 1")
    assert_equal(_count(actor), 4610, call="parameters of the CartPole actor (4->64->64->2)")
    assert_equal(_count(critic), 4545, call="parameters of the CartPole critic (4->64->64->1)")


def test_other_environment_sizes(room):
    """Acrobot (6 observations, 3 actions) with hidden=16: the actor's logits are (3, 3) and the critic's values (3, 1)."""
    actor, critic = room.get_actor_and_critic(_envs("Acrobot-v1"), hidden=16)
    obs = torch.randn(3, 6)
    assert_shape(actor(obs), (3, 3), call="actor(obs of shape (3, 6)) for Acrobot", dims="batch actions")
    assert_shape(critic(obs), (3, 1), call="critic(obs of shape (3, 6)) for Acrobot", dims="batch 1")
    assert_equal(_count(actor), 6 * 16 + 16 + 16 * 16 + 16 + 16 * 3 + 3,
                 call="parameters of the Acrobot actor (6->16->16->3)")


def test_tanh_between_layers(room):
    """Both networks put a Tanh after each hidden Linear, and nothing after the last one."""
    actor, critic = room.get_actor_and_critic(_envs("CartPole-v1"))
    for name, net in (("actor", actor), ("critic", critic)):
        kinds = [type(m).__name__ for m in net.modules() if not list(m.children())]
        if kinds != ["Linear", "Tanh", "Linear", "Tanh", "Linear"]:
            fail(f"the {name}'s layers are {kinds}, expected Linear, Tanh, Linear, Tanh, Linear "
                 "(Tanh keeps the hidden features bounded; nothing after the last Linear: "
                 "logits and values are any real number)", kind="value")


def test_layer_init(room):
    """layer_init(nn.Linear(5, 3), std=0.5, bias_const=0.1) returns that layer with every singular value of its weight 0.5 and every bias 0.1."""
    torch.manual_seed(fresh_seed(1))
    layer = nn.Linear(5, 3)
    got = room.layer_init(layer, std=0.5, bias_const=0.1)
    if got is not layer:
        fail(f"layer_init returned {type(got).__name__}, expected the layer it was given "
             "(initialise in place, then return it, so it can be used inside nn.Sequential)",
             kind="type")
    sv = _singular_values(layer.weight)
    if not torch.allclose(sv, torch.full_like(sv, 0.5), atol=1e-5):
        fail(f"after layer_init(std=0.5) the weight's singular values are "
             f"{[round(v, 4) for v in sv.tolist()]}, expected all 0.5 (orthogonal rows, scaled "
             "by std: nn.init.orthogonal_(weight, std))", kind="value")
    if not torch.allclose(layer.bias, torch.full((3,), 0.1)):
        fail(f"after layer_init(bias_const=0.1) the bias is {layer.bias.tolist()}, expected all 0.1",
             kind="value")


def test_orthogonal_initialisation(room):
    """Hidden layers: orthogonal with scale sqrt(2); the actor's output layer scale 0.01 (a near-uniform first policy), the critic's 1; every bias 0."""
    torch.manual_seed(fresh_seed(2))
    actor, critic = room.get_actor_and_critic(_envs("CartPole-v1"))
    want = {"actor": [2 ** 0.5, 2 ** 0.5, 0.01], "critic": [2 ** 0.5, 2 ** 0.5, 1.0]}
    for name, net in (("actor", actor), ("critic", critic)):
        for k, (layer, std) in enumerate(zip(_linears(net), want[name])):
            sv = _singular_values(layer.weight)
            if not torch.allclose(sv, torch.full_like(sv, std), rtol=1e-4, atol=1e-6):
                fail(f"{name} Linear {k}: the weight's singular values run "
                     f"{sv.min().item():.4f}..{sv.max().item():.4f}, expected all {std:.4f} "
                     "(layer_init with std sqrt(2) for hidden layers, 0.01 for the actor's "
                     "output, 1 for the critic's)", kind="value")
            if layer.bias.abs().max().item() != 0:
                fail(f"{name} Linear {k} has non-zero biases (max |b| "
                     f"{layer.bias.abs().max().item():.3f}): layer_init sets them to bias_const = 0",
                     kind="value")
