"""The stages, in the order they run: read → dateline → parse → actors (→ events)."""
