"""The core: the shapes, the rules, the sink, the values and the forms."""
