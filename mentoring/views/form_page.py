"""A page with one form for the programme area, and the tenant's URL helper its views share."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.views.generic import TemplateView

from core.concurrency import EditConflict

NOT_SAVED = "Не сохранено: исправьте отмеченные поля."


def url(request, name, **kwargs):
    return reverse(name, kwargs={"org": request.tenant.slug, **kwargs})


class FormPageView(TemplateView):
    """A page with one form: GET shows it; POST validates it and calls ``save``, which returns the response or
    raises the service's ValidationError — then the form is shown again with the reasons and what was typed.

    Subclasses define ``get_form(data=None, files=None)``, ``save(form)`` and ``back_url()``.
    """

    template_name = "mentoring/programmes/form.html"
    heading = ""
    submit_label = "Сохранить"
    multipart = False
    intro = ""

    def get(self, request, *args, **kwargs):
        return self.render_form(self.get_form())

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST, request.FILES)
        if form.is_valid():
            try:
                return self.save(form)
            except EditConflict as conflict:  # someone saved the record after this form was opened
                form.refuse_stale(conflict)
            except ValidationError as error:
                form.add_error(None, error)
        messages.error(request, NOT_SAVED)
        return self.render_form(form)

    def render_form(self, form):
        return self.render_to_response(
            self.get_context_data(
                form=form,
                heading=self.heading,
                submit_label=self.submit_label,
                multipart=self.multipart,
                intro=self.intro,
                back_url=self.back_url(),
            )
        )

    def actor(self):
        return {"tenant": self.request.tenant, "actor": self.request.user, "request": self.request}
