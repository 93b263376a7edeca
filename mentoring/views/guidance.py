"""The «Методика» page: what the target model expects at every stage and from every document, in one place."""

from django.views.generic import TemplateView

from documents.kinds import all_kinds
from mentoring import guidance
from mentoring.models import Stage
from mentoring.reference import STAGES as STAGE_DEFAULTS


class GuidanceView(TemplateView):
    """Any logged-in person's reference page (nothing of any tenant is shown)."""

    template_name = "mentoring/guidance.html"

    def get_context_data(self, **kwargs):
        names = {kind.code: kind.name for level in ("school", "municipality") for kind in all_kinds(level)}
        stages = [
            (guide, Stage.Number(number).label, STAGE_DEFAULTS.get(number, {}),
             [(code, names.get(code, code), doc) for code, doc in guidance.DOCUMENTS.items() if doc.stage == number])
            for number, guide in sorted(guidance.STAGES.items())
        ]  # fmt: skip
        return super().get_context_data(stages=stages, **kwargs)
