"""Cases for classifier_accuracy: hand-checked rows, fraction vs count, extremes, random batch."""

import torch

from arena_dungeon.testing import fresh_seed, assert_number_close, call, describe, fail


def _accuracy(room, scores, true_classes, text):
    """Call the player's function and check it returned one float number."""
    got = call(room.classifier_accuracy, scores, true_classes)
    if isinstance(got, torch.Tensor):
        if got.numel() != 1:
            fail(f"{text} returned {describe(got)}, expected a single number (did you forget "
                 "to average over the batch?)", kind="shape")
        if not got.dtype.is_floating_point:
            fail(f"{text} returned {describe(got)}: {got.dtype} values can't hold a fraction "
                 "like 2/3; convert to float before averaging", kind="dtype")
    elif isinstance(got, bool) or not isinstance(got, (int, float)):
        fail(f"{text} returned {describe(got)}, expected a float", kind="type")
    return got


def _accuracy_loop(scores, true_classes):
    """Independent oracle: a loop over rows using Python's max."""
    rows = scores.tolist()
    right = 0
    for row, label in zip(rows, true_classes.tolist()):
        right += max(range(len(row)), key=lambda c: row[c]) == label
    return right / len(rows)


def test_three_examples_hand_checked(room):
    """Predictions 1, 0, 0 against labels 1, 0, 2: two right, so 2/3."""
    scores = torch.tensor([[0.1, 0.8, 0.1], [0.6, 0.3, 0.1], [0.5, 0.1, 0.4]])
    labels = torch.tensor([1, 0, 2])
    text = "classifier_accuracy(scores, [1, 0, 2])"
    assert_number_close(_accuracy(room, scores, labels, text), 2 / 3, call=text, atol=1e-6)


def test_fraction_not_count(room):
    """Four examples, one right: 0.25, not 1 (a count) and not 0 (integer division)."""
    scores = torch.tensor([[2.0, 1.0], [2.0, 1.0], [0.0, 5.0], [3.0, -1.0]])
    labels = torch.tensor([0, 1, 0, 1])
    text = "classifier_accuracy(scores, [0, 1, 0, 1])"
    assert_number_close(_accuracy(room, scores, labels, text), 0.25, call=text, atol=1e-6)


def test_all_right_and_all_wrong(room):
    """Labels equal to the argmax give 1.0; labels shifted by one class give 0.0."""
    torch.manual_seed(fresh_seed(0))
    scores = torch.randn(10, 4)
    best = torch.tensor([max(range(4), key=lambda c: row[c]) for row in scores.tolist()])
    text = "classifier_accuracy(scores, labels = the predictions)"
    assert_number_close(_accuracy(room, scores, best, text), 1.0, call=text, atol=1e-6)
    text = "classifier_accuracy(scores, labels never the predictions)"
    assert_number_close(_accuracy(room, scores, (best + 1) % 4, text), 0.0, call=text, atol=1e-6)


def test_random_batch(room):
    """50 examples over 7 classes against a slow loop."""
    torch.manual_seed(fresh_seed(1))
    scores = torch.randn(50, 7)
    labels = torch.randint(0, 7, (50,))
    labels[:20] = scores[:20].argmax(dim=1)  # make sure a good share are right
    text = "classifier_accuracy(randn(50, 7), labels)"
    assert_number_close(_accuracy(room, scores, labels, text), _accuracy_loop(scores, labels),
                        call=text, atol=1e-6)


def test_ties_predict_the_first_class(room):
    """Tied top scores: the prediction is the first tied class, so a label on a later tied
    class is wrong (asking "is the true class's score the max?" counts it right)."""
    scores = torch.tensor([[1.0, 1.0, 0.0], [0.0, 2.0, 2.0], [3.0, 3.0, 3.0]])
    labels = torch.tensor([1, 1, 2])
    text = "classifier_accuracy([[1, 1, 0], [0, 2, 2], [3, 3, 3]], [1, 1, 2])"
    assert_number_close(_accuracy(room, scores, labels, text), 1 / 3, call=text, atol=1e-6)
