"""The tenants: municipalities and the educational organisations (schools) that belong to them."""

from django.db import models
from django.urls import reverse

NAME_FORMS_HELP = (
    "Наименование в падежах, которые используют документы, если портал склоняет его неверно; пустое поле — "
    "форма, которую предлагает портал."
)


class Region(models.Model):
    """A subject of the Russian Federation (край, область, республика): its education authority and its acts on
    the target model of mentoring, entered once and cited by every municipal and school document below it."""

    name = models.CharField("наименование", max_length=200, unique=True, help_text="Например: Красноярский край")
    authority = models.CharField(
        "орган управления образованием",
        max_length=300,
        blank=True,
        help_text="Например: Министерство образования Красноярского края",
    )
    acts = models.TextField(
        "региональные акты о наставничестве",
        blank=True,
        help_text="Каждый акт с новой строки, с датой, номером и названием: «приказ министерства образования "
        "Красноярского края от 30.11.2020 № 590-11-05 «О внедрении…»».",
    )

    class Meta:
        db_table = "core_region"
        verbose_name = "субъект Российской Федерации"
        verbose_name_plural = "субъекты Российской Федерации"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("region_home", kwargs={"region": self.pk})

    @property
    def short_name(self) -> str:
        """What the navigation shows, as for a school or a municipality."""
        return self.name


class Municipality(models.Model):
    """A municipal education department (управление / отдел / департамент образования).

    It is the tenant of the municipal pages: its staff see the schools that belong to it.
    """

    slug = models.SlugField("адрес в портале", unique=True, help_text="Часть адреса страницы: /m/<адрес>/")
    name = models.CharField("полное наименование", max_length=500)
    short_name = models.CharField("краткое наименование", max_length=200)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name="субъект Российской Федерации"
    )
    name_forms = models.JSONField("наименование в падежах", default=dict, blank=True, help_text=NAME_FORMS_HELP)
    acts = models.TextField(
        "муниципальные акты о наставничестве",
        blank=True,
        help_text="Акты муниципалитета с датой и номером, каждый с новой строки. Школы ссылаются на них, пока "
        "приказ управления о внедрении целевой модели не утверждён в портале.",
    )
    head_position = models.CharField("должность руководителя", max_length=200, blank=True)
    head_name = models.CharField("ФИО руководителя", max_length=200, blank=True)
    address = models.CharField("адрес", max_length=500, blank=True)

    class Meta:
        db_table = "mentoring_municipality"  # the table it had before the platform layer moved to core
        verbose_name = "муниципальный орган управления образованием"
        verbose_name_plural = "муниципальные органы управления образованием"
        ordering = ["short_name"]

    def __str__(self):
        return self.short_name

    def get_absolute_url(self):
        return reverse("municipality_home", kwargs={"muni": self.slug})


class Organization(models.Model):
    """An educational organisation (school, kindergarten, college…): the tenant that owns school data."""

    class Kind(models.TextChoices):
        SCHOOL = "school", "общеобразовательная организация"
        KINDERGARTEN = "kindergarten", "дошкольная образовательная организация"
        COLLEGE = "college", "профессиональная образовательная организация"
        ADDITIONAL = "additional", "организация дополнительного образования"

    slug = models.SlugField("адрес в портале", unique=True, help_text="Часть адреса страницы: /o/<адрес>/")
    kind = models.CharField("тип", max_length=20, choices=Kind.choices, default=Kind.SCHOOL)
    name = models.CharField("полное наименование", max_length=500)
    short_name = models.CharField("краткое наименование", max_length=200)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="organizations", verbose_name="муниципалитет"
    )
    address = models.CharField("адрес", max_length=500, blank=True)
    director_name = models.CharField("ФИО руководителя", max_length=200, blank=True)
    director_position = models.CharField("должность руководителя", max_length=200, default="Директор")
    inn = models.CharField("ИНН", max_length=12, blank=True)
    ogrn = models.CharField("ОГРН", max_length=15, blank=True)
    phone = models.CharField("телефон", max_length=50, blank=True)
    email = models.EmailField("электронная почта", blank=True)
    website = models.URLField("сайт", blank=True)
    name_forms = models.JSONField("наименование в падежах", default=dict, blank=True, help_text=NAME_FORMS_HELP)

    class Meta:
        db_table = "mentoring_organization"
        verbose_name = "образовательная организация"
        verbose_name_plural = "образовательные организации"
        ordering = ["short_name"]

    def __str__(self):
        return self.short_name

    def get_absolute_url(self):
        return reverse("school_home", kwargs={"org": self.slug})


def tenant_key(tenant: Organization | Municipality | Region) -> str:
    """The value of the ``tenant`` scope dimension: one key for a school, a municipality or a region."""
    if isinstance(tenant, Region):
        return f"r:{tenant.pk}"
    return f"o:{tenant.pk}" if isinstance(tenant, Organization) else f"m:{tenant.pk}"


def tenant_filter(tenant: Organization | Municipality) -> dict:
    """The lookup of a row owned by ``tenant`` through ``organization`` / ``municipality`` foreign keys."""
    return {"organization": tenant} if isinstance(tenant, Organization) else {"municipality": tenant}


def tenant_folder(tenant: Organization | Municipality) -> str:
    """The folder of a tenant's stored files: «o-12», «m-3»."""
    return tenant_key(tenant).replace(":", "-")


class TenantOwned(models.Model):
    """A row that belongs to exactly one tenant: a school (``organization``) or a municipality.

    ``tenant_key`` names the owner for the ``tenant`` scope dimension (``core.tenancy.tenant_scope``); it is
    set on every save from the foreign keys, which a database constraint keeps to exactly one.
    """

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+", null=True, blank=True)
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+", null=True, blank=True)
    tenant_key = models.CharField(max_length=20, editable=False, db_index=True, default="")

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organization__isnull=False, municipality__isnull=True)
                | models.Q(organization__isnull=True, municipality__isnull=False),
                name="%(class)s_has_one_tenant",
            )
        ]

    def save(self, *args, **kwargs):
        self.tenant_key = tenant_key(self.tenant)
        super().save(*args, **kwargs)

    @property
    def tenant(self) -> Organization | Municipality:
        return self.organization or self.municipality

    @tenant.setter
    def tenant(self, tenant: Organization | Municipality) -> None:
        self.organization = tenant if isinstance(tenant, Organization) else None
        self.municipality = tenant if isinstance(tenant, Municipality) else None
        self.tenant_key = tenant_key(tenant)  # bulk_create does not call save()
