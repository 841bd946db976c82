"""ISO 3166 (countries), ISO 639-3 (languages) and ISO 4217 (currencies) as pycountry ships them, read from its data
files without importing it: the import alone costs a cold `citeqa ask` some 60 ms (pycountry reads its own version
through importlib.metadata), a database's file a millisecond or two. Through pycountry's API where its files are not
where this version keeps them."""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

# database -> (its file, the key of its entries): what pycountry's own loader reads
_FILES = {"countries": ("iso3166-1.json", "3166-1"), "historic_countries": ("iso3166-3.json", "3166-3"),
          "languages": ("iso639-3.json", "639-3"), "currencies": ("iso4217.json", "4217")}


@functools.lru_cache(maxsize=None)
def entries(database: str) -> tuple[dict[str, str], ...]:
    """Each entry of one of pycountry's databases ("countries", "historic_countries", "languages", "currencies")
    as its fields ({"alpha_2": "AW", "name": "Aruba", ...}); read-only by convention, shared between callers."""
    file, key = _FILES[database]
    spec = importlib.util.find_spec("pycountry")
    folder = next(iter(spec.submodule_search_locations or ()), None) if spec is not None else None
    path = Path(folder) / "databases" / file if folder else None
    if path is not None and path.is_file():
        return tuple(json.loads(path.read_text(encoding="utf-8"))[key])
    import pycountry

    return tuple(dict(entry._fields) for entry in getattr(pycountry, database))
