"""What the two bases' resources share: the required columns, the lookups loaded once, the row rules and
duplicates.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from import_export import resources
from import_export.instance_loaders import BaseInstanceLoader

from mentoring.models import Tag
from mentoring.resources.widgets import DUPLICATE, DUPLICATE_COLUMN, normalized


class PersonResource(resources.Resource):
    """What the two bases share: the required columns, the lookups loaded once, the row rules, duplicates.

    Here ``import_data`` only validates: it keeps every row's unsaved instance (``store_instance``) and
    saves nothing (``save_instance``); ``mentoring.services.imports`` writes the people in bulk. It runs
    without a transaction, so that the job's progress written meanwhile is seen by the progress page.
    """

    model = None
    required_columns = ("Фамилия", "Имя")
    tag_field = None  # the name of the TagsField

    class Meta:
        instance_loader_class = BaseInstanceLoader
        force_init_instance = True  # every row is a new person: no per-row lookup of an existing one
        skip_diff = True
        store_instance = True
        use_transactions = False

    def __init__(self, organization, on_row=None):
        super().__init__()
        self.organization = organization
        self.on_row = on_row  # called with the number of rows done, for the job's progress
        self.line_numbers: list[int] = []  # spreadsheet line of each dataset row
        self.existing_keys: set = set()
        self.seen_keys: dict = {}
        self.fields["school"].widget.organization = organization

    # Columns.

    @classmethod
    def column_names(cls) -> list[str]:
        return [field.column_name for field in cls.fields.values()]

    def column_of(self, key) -> str:
        """The column of an error's key (a field's attribute)."""
        for resource_field in self.fields.values():
            if resource_field.attribute == key:
                return resource_field.column_name
        return DUPLICATE_COLUMN if key == DUPLICATE else ""

    def dehydrate_school(self, obj):
        return self.organization.short_name

    # Import.

    def load_lookups(self):
        """The school's tags and the keys of the people already in the base: one query each, not one a row."""
        if self.tag_field:
            self.fields[self.tag_field].widget.known = {normalized(t.name): t.pk for t in Tag.objects.all()}
        self.existing_keys = self.base_keys()

    def base_keys(self) -> set:
        rows = self.model.objects.values_list("last_name", "first_name", "patronymic", "birth_date")
        return {person_key(*row) for row in rows}

    def before_import(self, dataset, **kwargs):
        self.load_lookups()
        self.seen_keys = {}

    def init_instance(self, row=None):
        return self.model(organization=self.organization)

    def save_instance(self, instance, is_create, row, **kwargs):
        """Nothing is saved row by row: the checked instances are written in bulk, all or none."""

    def validate_rows(self, dataset):
        """Check every row of ``dataset``; the result holds each row's instance or its errors."""
        return self.import_data(dataset, dry_run=False, use_transactions=False, raise_errors=False)

    def after_import_row(self, row, row_result, **kwargs):
        if self.on_row:
            self.on_row(kwargs["row_number"])

    def line_of(self, row_number) -> int:
        return self.line_numbers[row_number - 1] if self.line_numbers else row_number + 1

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """Field errors, the model's own checks (lengths, e-mails, ranges), the base's rules and duplicates."""
        errors = dict(import_validation_errors or {})
        try:
            # Foreign keys are checked by the widgets against lists loaded once, not by a query a row.
            instance.full_clean(
                exclude=[*errors, "organization", "partner", "user"], validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field, message in self.rule_errors(instance).items():
            if field not in errors:
                errors[field] = [message]
        key_fields_valid = not {"last_name", "first_name", "patronymic", "birth_date"} & errors.keys()
        if key_fields_valid and (message := self.duplicate_of(instance)):
            errors[DUPLICATE] = [message]
        if errors:
            raise ValidationError(errors)

    def duplicate_of(self, instance) -> str | None:
        key = person_key(instance.last_name, instance.first_name, instance.patronymic, instance.birth_date)
        if key in self.existing_keys:
            return f"Уже есть в базе: {describe(instance)}. Повторно не вносится."
        if key in self.seen_keys:
            return f"Повторяет строку {self.seen_keys[key]} этого файла: {describe(instance)}."
        self.seen_keys[key] = self.line_of(self.current_row)
        return None

    def before_import_row(self, row, **kwargs):
        self.current_row = kwargs["row_number"]

    def rule_errors(self, instance) -> dict:
        errors = {}
        if instance.birth_date and instance.birth_date > timezone.localdate():
            errors["birth_date"] = "Дата рождения не может быть в будущем."
        return errors


def person_key(last_name, first_name, patronymic, birth_date) -> tuple:
    """Who a person is, for finding duplicates: the full name (case and «ё» ignored) and the birth date."""
    return (normalized(last_name or ""), normalized(first_name or ""), normalized(patronymic or ""), birth_date)


def describe(instance) -> str:
    born = f", {instance.birth_date:%d.%m.%Y}" if instance.birth_date else ""
    return f"{instance.full_name}{born}"
