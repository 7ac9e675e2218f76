"""The backend of an add-on's onCreateFunction: the request, the caller, the answer (public
face: :mod:`confdata.server`)."""
