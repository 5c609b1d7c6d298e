"""Wrong: the dict lives in the class body, so every instance shares it."""


class BackwardFuncLookup:
    back_funcs = {}

    def __init__(self):
        pass

    def add_back_func(self, forward_fn, arg_position, back_fn):
        self.back_funcs[(forward_fn, arg_position)] = back_fn

    def get_back_func(self, forward_fn, arg_position):
        return self.back_funcs[(forward_fn, arg_position)]
