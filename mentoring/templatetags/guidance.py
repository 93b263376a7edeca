"""``{% stage_help number %}`` and ``{% document_help kind_code %}``: the two or three lines of the target model's
guidance on a stage's or a document's page, with the link to the whole «Методика» page."""

from django import template

from mentoring import guidance

register = template.Library()


@register.inclusion_tag("includes/guidance.html")
def stage_help(number):
    guide = guidance.stage_guide(int(number))
    return {"guide": guide, "anchor": f"stage-{guide.number}" if guide else ""}


@register.inclusion_tag("includes/guidance.html")
def document_help(kind_code):
    guide = guidance.document_guide(kind_code)
    return {"guide": guide, "anchor": f"document-{kind_code}" if guide else ""}
