"""Wrong: keys the registry by the forward function only, ignoring the argument position."""


class BackwardFuncLookup:
    def __init__(self):
        self.back_funcs = {}

    def add_back_func(self, forward_fn, arg_position, back_fn):
        self.back_funcs[forward_fn] = back_fn

    def get_back_func(self, forward_fn, arg_position):
        return self.back_funcs[forward_fn]
