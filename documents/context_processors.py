from django.utils.functional import SimpleLazyObject


def notifications(request):
    """The number of the person's unread notifications, for the navbar (counted only when drawn)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from .services.notifications import unread_count

    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}
