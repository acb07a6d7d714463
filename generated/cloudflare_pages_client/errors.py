"""Every error this package raises: hand-written in _runtime/errors.py."""

from ._runtime.errors import *  # noqa: F403
from ._runtime.errors import __all__ as __all__
