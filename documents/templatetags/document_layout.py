"""Template tags of the document layout: how a table is drawn (core.rendering.columns)."""

from django import template

from core.rendering.columns import Layout, layout_of

register = template.Library()


@register.simple_tag
def table_layout(block: dict, landscape=False) -> Layout:
    """The widths of a table block's columns in whole percent (the classes ``doc-w-1`` … ``doc-w-100`` of
    document.css) and its type size (``doc-table-12``, ``-11``, ``-10``), on a portrait or a landscape page."""
    return layout_of(block["head"], block["rows"], block.get("widths"), landscape=bool(landscape))
