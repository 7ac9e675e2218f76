"""The engine's passes over the JSON forms."""
