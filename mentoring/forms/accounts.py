"""Forms of accounts and roles: the e-mail login and giving a role to a person."""

import hashlib

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm

from core.roles import MUNICIPAL_ROLES, SCHOOL_ROLES, Role

from ..models import User


class GrantRoleForm(forms.Form):
    """Give a role to a person by e-mail; names are needed only when the person has no account yet."""

    email = forms.EmailField(label="Электронная почта")
    role = forms.ChoiceField(label="Роль")
    last_name = forms.CharField(label="Фамилия", max_length=100, required=False)
    first_name = forms.CharField(label="Имя", max_length=100, required=False)
    patronymic = forms.CharField(label="Отчество", max_length=100, required=False)
    position = forms.CharField(label="Должность", max_length=200, required=False)

    def __init__(self, *args, school: bool, **kwargs):
        super().__init__(*args, **kwargs)
        roles = SCHOOL_ROLES if school else MUNICIPAL_ROLES
        self.fields["role"].choices = [(role.value, role.label) for role in Role if role in roles]

    def clean(self):
        data = super().clean()
        email = data.get("email")
        if email and not User.objects.filter(email__iexact=email).exists():
            for field in ("last_name", "first_name"):
                if not data.get(field):
                    self.add_error(field, "Новый пользователь: заполните это поле.")
        return data


class LoginForm(AuthenticationForm):
    """The login form, with its messages written for an e-mail login."""

    error_messages = {
        "invalid_login": "Неверный адрес электронной почты или пароль. Пароль чувствителен к регистру.",
        "inactive": "Учётная запись отключена. Обратитесь к руководителю организации.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Электронная почта"
        self.fields["username"].widget.attrs.update({"autocomplete": "email", "inputmode": "email"})


class QueuedPasswordResetForm(PasswordResetForm):
    """The password-reset request: the e-mail is looked up and sent by the queue (``send_password_reset_email``),
    so that the answer takes the same time and the same queries for a known and an unknown address; at most
    ``PASSWORD_RESET_LIMIT_PER_EMAIL`` requests per e-mail and ``PASSWORD_RESET_LIMIT_PER_ADDRESS`` per client
    address an hour — those over the limit get the same answer and no e-mail."""

    def save(self, *, request=None, **kwargs):
        from core.network import client_ip
        from core.queue import enqueue
        from core.rate_limit import allow

        from ..tasks import send_password_reset_email

        email = self.cleaned_data["email"].strip().lower()
        hour = 60 * 60
        digest = hashlib.sha256(email.encode()).hexdigest()  # no address in the cache's keys
        per_address = allow(
            f"reset-ip:{client_ip(request)}", limit=settings.PASSWORD_RESET_LIMIT_PER_ADDRESS, window=hour
        )
        per_email = allow(f"reset-email:{digest}", limit=settings.PASSWORD_RESET_LIMIT_PER_EMAIL, window=hour)
        if per_address and per_email:
            enqueue(send_password_reset_email, email=email, use_https=request is not None and request.is_secure())
