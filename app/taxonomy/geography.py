"""Geography, in one place: the distance between two postcode centres and the postcodes within
N km of one. Job search, candidate search, the ranking's explanations and the demo data all ask
here, so "within 20 km" means the same everywhere. The arithmetic is matching.geo's."""

from __future__ import annotations

from functools import cache, lru_cache

import numpy as np

from matching import reference
from matching.geo import haversine_km


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points."""
    km = haversine_km(np.array([lat1]), np.array([lon1]), np.array([lat2]), np.array([lon2]))
    return float(km[0])


def distance_km(a: str | None, b: str | None) -> float | None:
    """Great-circle distance between two postcode centres; None when either is unknown."""
    first, second = reference.postcode_info(a), reference.postcode_info(b)
    if first is None or second is None:
        return None
    return km_between(first.lat, first.lon, second.lat, second.lon)


@cache
def _coordinates() -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    infos = [
        info
        for number in range(10_000)
        if (info := reference.postcode_info(f"{number:04d}")) is not None
    ]
    codes = tuple(info.postcode for info in infos)
    lat = np.array([i.lat for i in infos], dtype=np.float64)
    lon = np.array([i.lon for i in infos], dtype=np.float64)
    return codes, lat, lon


@lru_cache(maxsize=4096)
def postcodes_within(code: str, km: int) -> tuple[str, ...]:
    """Postcodes whose centre lies within `km` of the centre of `code` (itself included), in
    postcode order; empty for an unknown postcode. ~1,100 postcodes: one vector operation."""
    origin = reference.postcode_info(code)
    if origin is None:
        return ()
    codes, lat, lon = _coordinates()
    distances = haversine_km(np.full_like(lat, origin.lat), np.full_like(lon, origin.lon), lat, lon)
    return tuple(c for c, d in zip(codes, distances, strict=True) if d <= km)
