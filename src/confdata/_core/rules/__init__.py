"""The rules of the catalog, one function per rule."""
