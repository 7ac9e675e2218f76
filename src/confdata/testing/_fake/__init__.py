"""The fake Calendar's parts."""
