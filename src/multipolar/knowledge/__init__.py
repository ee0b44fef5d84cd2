"""Shipped knowledge (data files in `data/`) loaded into typed lookups."""

from .actor_base import ActorBase, Candidate, fold, load_actor_base

__all__ = ["ActorBase", "Candidate", "fold", "load_actor_base"]
