"""Reference solution: get_resnet_for_feature_extraction."""

from torch import nn

from digit_resnet import DigitResNet, load_pretrained_digit_resnet


def get_resnet_for_feature_extraction(n_classes: int) -> DigitResNet:
    model = load_pretrained_digit_resnet()
    model.requires_grad_(False)
    in_features = model.out_features_per_group[-1]
    model.out_layers[-1] = nn.Linear(in_features, n_classes)
    return model
