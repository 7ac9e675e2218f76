"""Join information: its values and how it is read out of conference data."""
