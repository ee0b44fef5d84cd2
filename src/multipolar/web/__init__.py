"""Static assets of the web UI (no CDN: everything is served from the package)."""
