"""Wrong: returns None for an unregistered pair instead of raising KeyError."""


class BackwardFuncLookup:
    def __init__(self):
        self.back_funcs = {}

    def add_back_func(self, forward_fn, arg_position, back_fn):
        self.back_funcs[(forward_fn, arg_position)] = back_fn

    def get_back_func(self, forward_fn, arg_position):
        return self.back_funcs.get((forward_fn, arg_position))
