"""Renderers of the school and municipal documents, registered by kind."""
