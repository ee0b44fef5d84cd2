"""`python -m multipolar` runs the command line."""

from .cli import app

app()
