"""Room: Prepare a pretrained network for feature extraction.

Load the DigitResNet trained on digits 0-5, freeze it, and give it a new head for
`n_classes` classes that is the only trainable part.
"""

from torch import nn

from digit_resnet import DigitResNet, load_pretrained_digit_resnet


def get_resnet_for_feature_extraction(n_classes: int) -> DigitResNet:
    """The pretrained DigitResNet, frozen, with a new trainable head for n_classes classes.

    The returned model maps x: (batch, 1, 8, 8) to logits (batch, n_classes). Every
    parameter keeps its pretrained value and has requires_grad False, except those of the
    new head, model.out_layers[-1] = a fresh nn.Linear(32, n_classes).
    """
    raise NotImplementedError
