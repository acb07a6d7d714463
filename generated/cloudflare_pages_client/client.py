"""The clients, their defaults and their retries: hand-written in the _runtime package."""

from ._runtime.auth import *  # noqa: F403
from ._runtime.clients import *  # noqa: F403
from ._runtime.constants import *  # noqa: F403
from ._runtime.retry import *  # noqa: F403
