"""Granting and revoking roles in a school or a municipality."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from core.audit import log_action
from core.models import Membership, Municipality, Organization
from core.models.tenants import tenant_filter
from core.queue import enqueue, tenant_ids
from core.roles import Role
from mentoring.models import User

# The role that grants roles at each level: the last one holding it cannot be removed.
GRANTING_ROLE = {Organization: Role.DIRECTOR, Municipality: Role.MUNICIPAL_COORDINATOR}


@transaction.atomic
def grant_role(
    *, tenant, role: Role, email: str, granted_by, request=None, last_name="", first_name="", patronymic="", position=""
) -> Membership:
    """Give the person with ``email`` the ``role`` in ``tenant``, creating their account if it is new.

    A new account has no password: the person sets one through the link in the invitation e-mail,
    which is sent once the transaction commits.
    """
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        if not (last_name and first_name):
            raise ValidationError("Для нового пользователя укажите фамилию и имя.")
        user = User(email=email, last_name=last_name, first_name=first_name, patronymic=patronymic, position=position)
        user.set_unusable_password()
        user.save()
    membership = Membership(user=user, role=role, granted_by=granted_by, **tenant_filter(tenant))
    membership.full_clean(exclude=["user", "granted_by"], validate_constraints=False)
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError:
        raise ValidationError("У этого пользователя уже есть эта роль.") from None
    log_action(
        "membership.granted",
        actor=granted_by,
        tenant=tenant,
        obj=membership,
        changes={"role": [None, Role(role).label], "user": [None, user.email]},
        request=request,
    )
    from mentoring.tasks import send_role_granted_email

    enqueue(send_role_granted_email, membership_id=membership.pk, new_account=created, **tenant_ids(tenant))
    return membership


@transaction.atomic
def revoke_role(*, membership: Membership, revoked_by, request=None) -> None:
    """Take a role away; the last holder of the granting role (director, coordinator) stays."""
    tenant = membership.tenant
    granting_role = GRANTING_ROLE[type(tenant)]
    if membership.role == granting_role:
        holders = Membership.objects.select_for_update().filter(role=granting_role, **tenant_filter(tenant))
        if len(holders) <= 1:
            raise ValidationError(
                f"Нельзя снять последнюю роль «{Role(granting_role).label}»: назначьте сначала другого."
            )
    log_action(
        "membership.revoked",
        actor=revoked_by,
        tenant=tenant,
        obj=membership,
        changes={"role": [Role(membership.role).label, None], "user": [membership.user.email, None]},
        request=request,
    )
    membership.delete()
