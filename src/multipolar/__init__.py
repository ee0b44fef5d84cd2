"""multipolar: an evidence-backed model of the international system, read from news."""

__version__ = "0.1.0"
