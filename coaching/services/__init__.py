"""Business writes of the coaching app, one module per area; callers use
`from coaching import services` and the function names alone."""

from coaching.services.assignments import *  # noqa: F403
from coaching.services.programmes import *  # noqa: F403
from coaching.services.training import *  # noqa: F403
