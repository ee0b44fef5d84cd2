"""The HTTP face: a JSON API (FastAPI, OpenAPI) and the analyst's web UI, one process."""

from .app import create_app

__all__ = ["create_app"]
