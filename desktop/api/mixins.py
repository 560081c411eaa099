"""Conveniences of the generated API types (`desktop/api/schema.py`), written by hand.

`tools/api_types.py` (its `MIXINS`) makes a generated class inherit one of these, so an
answer decoded anywhere (nested ones too) has them. They only read the fields the
document defines; `__slots__ = ()` keeps the generated classes slotted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.api.schema import NationalWishList, RoundPublic, WavePublic


class ProfileMixin:
    __slots__ = ()
    first_name: str
    last_name: str
    role: str
    campaigns: tuple[Any, ...]

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def roles(self) -> frozenset[str]:
        """The account's role and its roles in campaigns (student, supervisor...)."""
        return frozenset({self.role, *(c.my_role for c in self.campaigns if c.my_role)})

    def kinds_as(self, role: str) -> frozenset[str]:
        """Kinds of procedure (national, amphi, matching) the person takes part in as ``role``."""
        return frozenset(c.kind for c in self.campaigns if c.my_role == role)


class WishWriteMixin:
    __slots__ = ()

    @property
    def wish_list(self) -> NationalWishList:
        """The new list alone (a write's answer without its receipt)."""
        from desktop.api.schema import NationalWishList

        return NationalWishList(**{name: getattr(self, name)
                                   for name in NationalWishList.__dataclass_fields__})


class AmphiPostMixin:
    __slots__ = ()
    establishment: str
    service: str
    number: str

    @property
    def label(self) -> str:
        return f"{self.establishment} — {self.service}, poste {self.number}"


class FavouriteMixin:
    __slots__ = ()
    post_id: int | None
    service_id: int

    @property
    def key(self) -> tuple[str, int]:
        """What it points at (the same on every device): ("service", id) or ("post", id)."""
        return ("post", self.post_id) if self.post_id is not None else ("service",
                                                                         self.service_id)


class WaveMixin:
    __slots__ = ()
    rounds: tuple[RoundPublic, ...]
    current_round_id: int | None

    @property
    def current_round(self) -> RoundPublic | None:
        for rnd in self.rounds:
            if rnd.id == self.current_round_id:
                return rnd
        return self.rounds[0] if self.rounds else None


class MatchingCampaignMixin:
    __slots__ = ()
    waves: tuple[WavePublic, ...]
    my_wave_id: int | None

    def wave(self, wave_id: int | None = None) -> WavePublic | None:
        """The given wave, else the student's, else the first."""
        wanted = wave_id or self.my_wave_id
        for wave in self.waves:
            if wave.id == wanted:
                return wave
        return self.waves[0] if self.waves else None

    def round(self, round_id: int) -> RoundPublic | None:
        for wave in self.waves:
            for rnd in wave.rounds:
                if rnd.id == round_id:
                    return rnd
        return None


class PersonNameMixin:
    __slots__ = ()
    first_name: str
    last_name: str

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class CandidateNameMixin:
    __slots__ = ()
    first_name: str
    last_name: str

    @property
    def display_name(self) -> str:
        return f"{self.last_name.upper()} {self.first_name}".strip()
