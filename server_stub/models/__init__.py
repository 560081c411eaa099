"""ORM models, one module per area; importing this package registers every table.

Portable SQL only (no SQLite-specific types) so PostgreSQL works unchanged through
`DATABASE_URL`. Times are stored timezone-aware in UTC.
"""

from server_stub.models.amphi import *  # noqa: F403
from server_stub.models.core import *  # noqa: F403
from server_stub.models.matching import *  # noqa: F403
from server_stub.models.national import *  # noqa: F403
