"""Settings: `base` holds everything; production values come from the environment."""
