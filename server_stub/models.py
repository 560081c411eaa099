"""Every ORM model in one place: each procedure keeps its own `models.py`; importing this
module registers every table on the one metadata (`core.db.Base`).

Portable SQL only (no SQLite-specific types) so PostgreSQL works unchanged through
`DATABASE_URL`. Times are stored timezone-aware in UTC.
"""

from server_stub.amphi.models import *  # noqa: F403
from server_stub.core.models import *  # noqa: F403
from server_stub.matching.models import *  # noqa: F403
from server_stub.national.models import *  # noqa: F403
