"""Events, sync, writes and the lifecycle."""
