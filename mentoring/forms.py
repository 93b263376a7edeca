from django import forms

from .models import User
from .roles import MUNICIPAL_ROLES, SCHOOL_ROLES, Role


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
