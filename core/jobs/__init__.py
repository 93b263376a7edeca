"""Long work on one lifecycle (``lifecycle``), its kinds (``registry``) and the rendered-file kind (``files``)."""
