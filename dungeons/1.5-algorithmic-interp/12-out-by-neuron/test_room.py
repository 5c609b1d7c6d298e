"""Cases for get_out_by_neuron. Oracles: each neuron's vector rebuilt from hook_post and
W_out with broadcasting (no einsum), and the neurons adding up to the MLP's output
(hook_mlp_out) once b_out is added."""


import brackets
import bracket_tools
from arena_dungeon.testing import assert_shape, assert_tensor_close, call, load_asset_module, note

CHECKS = load_asset_module(__file__, "bracket_checks")


def _oracle(model, data, layer):
    _, cache = model.run_with_cache(data.toks)
    post = cache["post", layer]  # (batch, seq, d_mlp)
    return post[..., None] * model.W_out[layer], cache


def test_every_position_random_model(room):
    """A random model, 10 strings, MLP 1, seq=None: (batch, seq, d_mlp, d_model)."""
    model, data = CHECKS.random_model(0), CHECKS.random_data(0, n=10)
    got = call(room.get_out_by_neuron, model, data, 1)
    expected, _ = _oracle(model, data, 1)
    assert_tensor_close(got, expected, atol=1e-5, call="get_out_by_neuron(model, data, 1)",
                        dims="batch seq neuron d_model")


def test_one_position(room):
    """seq=0: only the [start] position, (batch, d_mlp, d_model)."""
    model, data = CHECKS.random_model(1), CHECKS.random_data(1, n=10)
    got = call(room.get_out_by_neuron, model, data, 2, 0)
    expected, _ = _oracle(model, data, 2)
    assert_tensor_close(got, expected[:, 0], atol=1e-5, call="get_out_by_neuron(model, data, 2, "
                        "seq=0)", dims="batch neuron d_model")


def test_neurons_add_up_other_shape(room):
    """d_mlp 40, d_model 24, seq=3: the neurons plus b_out add up to hook_mlp_out."""
    model = CHECKS.random_model(2, d_model=24, n_heads=3, d_head=8, d_mlp=40)
    data = CHECKS.random_data(2, n=8)
    got = call(room.get_out_by_neuron, model, data, 0, 3)
    assert_shape(got, (8, 40, 24), call="get_out_by_neuron(model, data, 0, seq=3)",
                 dims="batch neuron d_model")
    _, cache = model.run_with_cache(data.toks)
    assert_tensor_close(got.sum(1) + model.b_out[0], cache["mlp_out", 0][:, 3], atol=1e-4,
                        call="get_out_by_neuron(...).sum(neurons) + b_out vs hook_mlp_out at "
                        "position 3", dims="batch d_model")


def test_shipped_model_mlp2(room):
    """The trained model, 300 strings, MLP 2 at position 0; the note names the neurons that
    push hardest towards "unbalanced" on unbalanced strings."""
    model, data = brackets.load_model(), brackets.load_data(300)
    got = call(room.get_out_by_neuron, model, data, 2, 0)
    expected, _ = _oracle(model, data, 2)
    assert_tensor_close(got, expected[:, 0], atol=1e-4, call="get_out_by_neuron(load_model(), "
                        "data, 2, seq=0)", dims="batch neuron d_model")
    v = bracket_tools.get_pre_final_ln_dir(model, data)
    push = expected[:, 0] @ v  # (batch, neuron)
    gap = push[~data.isbal].mean(0) - push[data.isbal].mean(0)
    top = gap.argsort(descending=True)[:5].tolist()
    note("MLP 2 neurons pushing hardest towards 'unbalanced' (unbalanced minus balanced "
         "mean): " + ", ".join(f"{i} {gap[i]:+.2f}" for i in top)
         + f"; all 56 together {gap.sum():+.2f}")
