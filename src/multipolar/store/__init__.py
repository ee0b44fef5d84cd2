"""All SQL of multipolar lives in this package; rows become typed records here."""

from .db import SCHEMA_VERSION, Store

__all__ = ["SCHEMA_VERSION", "Store"]
