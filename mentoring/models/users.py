from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from core.collation import russian

from .people import NAME_FORMS_HELP, Gender


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)

    def _create_user(self, email, password, **fields):
        if not email:
            raise ValueError("A user needs an e-mail address.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **fields)

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in to the portal with an e-mail address.

    What a user may do is decided by their memberships (roles in schools and municipalities), never by
    Django's permissions; ``is_staff`` marks the platform staff who use the Django admin.
    """

    email = models.EmailField("электронная почта", unique=True)
    last_name = models.CharField("фамилия", max_length=100)
    first_name = models.CharField("имя", max_length=100)
    patronymic = models.CharField("отчество", max_length=100, blank=True)
    position = models.CharField("должность", max_length=200, blank=True)
    gender = models.CharField(
        "пол", max_length=1, choices=Gender.choices, blank=True, help_text="Пусто — определяется по имени и отчеству."
    )
    name_forms = models.JSONField("ФИО в падежах", default=dict, blank=True, help_text=NAME_FORMS_HELP)
    is_active = models.BooleanField("активен", default=True)
    is_staff = models.BooleanField("сотрудник платформы", default=False)
    date_joined = models.DateTimeField("дата регистрации", default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["last_name", "first_name"]

    class Meta:
        verbose_name = "пользователь"
        verbose_name_plural = "пользователи"
        ordering = [russian("last_name"), russian("first_name"), russian("patronymic")]
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self):
        return self.full_name or self.email

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def full_name(self):
        return " ".join(part for part in (self.last_name, self.first_name, self.patronymic) if part)

    @property
    def initials_name(self):
        """«Максименко С.Г.», as a signature is written."""
        initials = "".join(f"{part[0]}." for part in (self.first_name, self.patronymic) if part)
        return f"{self.last_name} {initials}".strip()

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.first_name
