"""File jobs (rendered documents and reports): a job left pending or running by a worker that died is marked
failed with its reason by the beat sweep, and then runs again; a fresh one is left alone."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from core.jobs import lifecycle
from core.models import Job
from core.tasks import fail_stale_jobs
from core.tenancy import tenant_scope


def test_a_job_silent_past_any_worker_is_failed_and_runs_again(world, django_capture_on_commit_callbacks):
    with tenant_scope(world.school):
        director = world.people[world.school.pk]["file_job"].user
        roadmap = world.people[world.school.pk]["document"]
        stuck = Job.objects.create(
            organization=world.school,
            user=director,
            kind="roadmap",
            status=Job.Status.RUNNING,
            params={"fmt": "pdf", "document": roadmap.pk},
        )
        fresh = Job.objects.create(
            organization=world.school,
            user=director,
            kind="regulation",
            status=Job.Status.PENDING,
            params={"fmt": "pdf"},
        )
        silence = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] + 120
        Job.objects.filter(pk=stuck.pk).update(updated_at=timezone.now() - timedelta(seconds=silence))

    assert fail_stale_jobs() == 1
    stuck.refresh_from_db()
    fresh.refresh_from_db()
    assert (stuck.status, stuck.error) == (Job.Status.FAILED, lifecycle.STALE)
    assert fresh.status == Job.Status.PENDING

    page = world.client_for(director).get(stuck.get_absolute_url()).content.decode()
    assert "Задание прервано" in page and "Запустить ещё раз" in page
    with tenant_scope(world.school), django_capture_on_commit_callbacks(execute=True):
        assert lifecycle.retry(stuck)
    stuck.refresh_from_db()
    assert stuck.status == Job.Status.READY and stuck.output_file.read().startswith(b"%PDF")


def test_a_job_run_again_is_not_taken_for_a_dead_one(world):
    """Running again (or reporting progress) renews the job's sign of life, so the sweep leaves it alone."""
    with tenant_scope(world.school):
        job = world.people[world.school.pk]["file_job"]
        old = timezone.now() - timedelta(seconds=settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] + 120)
        Job.objects.filter(pk=job.pk).update(status=Job.Status.FAILED, updated_at=old)
        Job.objects.filter(pk=job.pk).update(kind="roadmap", params={"fmt": "pdf", "document": 0})
        assert lifecycle.retry(job)  # queued, not run: the callbacks are not executed
    assert fail_stale_jobs() == 0
