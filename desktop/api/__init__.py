"""The client's only way to the server: typed async calls over httpx, and the live events.

`client.py` holds the shared `ApiClient` (one long-lived httpx client, session token,
`ApiError` with a French message), the account calls and the decoding of answers (pydantic
`TypeAdapter`) into the frozen types of `schema.py`, generated from the server's OpenAPI
document by `make api-types` (hand-written conveniences in `mixins.py`); `national.py`,
`amphi.py` and `matching.py` add one procedure's calls each (named after the server's
operation ids); `live.py` follows the server-sent events (reconnecting with
`Last-Event-ID`). Nothing here knows about views, models or sync objects: they call in,
never the reverse (tests/desktop/test_layers.py checks it).
"""

from __future__ import annotations

from desktop.api.client import ApiClient, ApiError, Profile

__all__ = ["ApiClient", "ApiError", "Profile"]
