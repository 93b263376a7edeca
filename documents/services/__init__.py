"""Business rules of documents: drafting, the approval and agreement workflow, notifications, statuses."""

from .status import roadmap_statuses

__all__ = ["roadmap_statuses"]
