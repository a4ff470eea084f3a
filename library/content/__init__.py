"""Exercise-library content for Drivephase (exercises, anatomy, guides, sources)."""
