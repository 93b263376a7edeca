"""Documents of a school or a municipality, their frozen versions, the remarks thread and the registers.

A ``Document`` is written from live data plus the tenant's own words (``blocks``); while it is a draft its
text follows the data. Approval (and, for a school's roadmap, the municipality's agreement) freezes a
``DocumentVersion``: its content is stored as it was and its PDF with a SHA-256. Editing a frozen document
starts the next version.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django_scopes import ScopedManager

from core.models import TenantOwned
from core.models.tenants import tenant_folder
from mentoring.models import Programme


def frozen_pdf_path(version, filename):
    return f"documents/{tenant_folder(version.document.tenant)}/{version.document_id}/{filename}"


class Document(TenantOwned):
    """One document of the kit (an order, the regulation, the roadmap…) of a school or a municipality.

    Two scoped managers, both failing closed: ``objects`` sees school documents by organisation (a school its
    own, a municipality its schools'); ``owned`` sees the documents the current tenant itself owns (a school's
    or a municipality's own).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "черновик"
        SENT = "sent", "на утверждении"
        RETURNED = "returned", "возвращён на доработку"
        APPROVED = "approved", "утверждён"
        SUBMITTED = "submitted", "на согласовании в управлении образования"
        REMARKS = "remarks", "возвращён с замечаниями"
        AGREED = "agreed", "согласован"

    kind = models.CharField("вид документа", max_length=40)
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="documents", null=True, blank=True, verbose_name="программа"
    )
    subject_id = models.PositiveIntegerField(null=True, blank=True)  # the pair, mentor, mentee… a document is about
    title = models.CharField("заголовок", max_length=500)
    blocks = models.JSONField("тексты документа", default=dict, blank=True)
    status = models.CharField("состояние", max_length=12, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField("версия", default=1)
    number = models.CharField("номер", max_length=30, blank=True)
    dated = models.DateField("дата", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(organization="organization")
    owned = ScopedManager(tenant="tenant_key")

    class Meta(TenantOwned.Meta):
        verbose_name = "документ"
        verbose_name_plural = "документы"
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.municipality_id:
            return reverse("m_document_detail", kwargs={"muni": self.municipality.slug, "pk": self.pk})
        return reverse("document_detail", kwargs={"org": self.organization.slug, "pk": self.pk})

    def frozen_versions(self):
        """The frozen versions, newest first, through the manager that fits whose document this is (a related
        manager would use the organisation scope, which holds no municipal document)."""
        manager = DocumentVersion.objects if self.organization_id else DocumentVersion.owned
        return manager.filter(document=self).order_by("-number")

    def remark_thread(self):
        manager = Remark.objects if self.organization_id else Remark.owned
        return manager.filter(document=self).select_related("author").order_by("created_at", "pk")

    @property
    def is_frozen(self) -> bool:
        """Approved (and, for a roadmap, possibly submitted, returned or agreed): its text cannot change."""
        return self.status in (self.Status.APPROVED, self.Status.SUBMITTED, self.Status.REMARKS, self.Status.AGREED)


class DocumentVersion(TenantOwned):
    """A frozen version: the content as approved, its PDF and hash; for a roadmap also as agreed."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("версия")
    content = models.JSONField("содержание")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField("утверждена")
    pdf = models.FileField(upload_to=frozen_pdf_path)
    sha256 = models.CharField("SHA-256", max_length=64)
    approving_order = models.ForeignKey(
        Document,
        on_delete=models.SET_NULL,
        related_name="approved_versions",
        null=True,
        blank=True,
        verbose_name="утверждена приказом",
        help_text="The order whose number and date the approval stamp cites (a regulation, a roadmap…); empty for "
        "an order itself, which takes its own number from the register.",
    )
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    agreed_at = models.DateTimeField("согласована", null=True, blank=True)
    agreed_content = models.JSONField("содержание с отметкой о согласовании", null=True, blank=True)
    agreed_pdf = models.FileField(upload_to=frozen_pdf_path, blank=True)
    agreed_sha256 = models.CharField("SHA-256 согласованной", max_length=64, blank=True)

    objects = ScopedManager(organization="organization")
    owned = ScopedManager(tenant="tenant_key")

    class Meta(TenantOwned.Meta):
        verbose_name = "версия документа"
        verbose_name_plural = "версии документов"
        ordering = ["document", "-number"]
        constraints = [
            *TenantOwned.Meta.constraints,
            models.UniqueConstraint(fields=["document", "number"], name="one_frozen_version_per_number"),
        ]

    def __str__(self):
        return f"{self.document} — версия {self.number}"

    def save(self, *args, **kwargs):
        self.tenant = self.document.tenant  # the document's owner
        super().save(*args, **kwargs)

    @property
    def final_content(self) -> dict:
        """The content as it stands: with «СОГЛАСОВАНО» filled once agreed."""
        return self.agreed_content or self.content


class Remark(TenantOwned):
    """A remark of the municipality on a school's roadmap, or the school's answer: one thread per document."""

    class Side(models.TextChoices):
        SCHOOL = "school", "школа"
        MUNICIPALITY = "municipality", "управление образования"
        DIRECTOR = "director", "руководитель"

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="remarks")
    version = models.PositiveIntegerField("к версии")
    side = models.CharField("сторона", max_length=12, choices=Side.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField("текст")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(organization="organization")
    owned = ScopedManager(tenant="tenant_key")

    class Meta(TenantOwned.Meta):
        verbose_name = "замечание"
        verbose_name_plural = "замечания"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:80]

    def save(self, *args, **kwargs):
        self.tenant = self.document.tenant  # the document's owner
        super().save(*args, **kwargs)


class RegisterCounter(models.Model):
    """The register of a school's (or a municipality's) orders: the last number given in a year."""

    tenant_key = models.CharField(max_length=20)
    year = models.PositiveIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    objects = ScopedManager(tenant="tenant_key")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tenant_key", "year"], name="one_register_per_tenant_year")]

    def __str__(self):
        return f"{self.tenant_key} {self.year}: {self.last_number}"


class PublicPage(TenantOwned):
    """The «Наставничество» section of a school's or a municipality's site, as the portal publishes it: switched on
    by the director (the coordinator for a municipality), it lists the approved documents that carry no personal
    data, the publishable best practices and the contact; one per tenant."""

    enabled = models.BooleanField("раздел опубликован", default=False)
    intro = models.TextField("вступительный текст", blank=True, max_length=3000)
    contact = models.CharField(
        "контакт для вопросов о наставничестве",
        max_length=300,
        blank=True,
        help_text="Например: куратор программы — Орлова Марина Сергеевна, тел. 8 (39198) 3-12-40.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(tenant="tenant_key")

    class Meta(TenantOwned.Meta):
        verbose_name = "раздел «Наставничество» на сайте"
        verbose_name_plural = "разделы «Наставничество» на сайтах"
        constraints = [
            *TenantOwned.Meta.constraints,
            models.UniqueConstraint(fields=["tenant_key"], name="one_public_page_per_tenant"),
        ]

    def __str__(self):
        return f"Наставничество: {self.tenant}"
