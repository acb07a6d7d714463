"""Contains some shared types for properties: hand-written in _runtime/types.py."""

from ._runtime.types import *  # noqa: F403
from ._runtime.types import __all__ as __all__
