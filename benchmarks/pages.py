"""The curator's home page and the journal pages on the generated 100-school dataset (``make dataset`` first):
median server time and query count, for ten schools."""

from benchmarks.harness import median_ms, report, setup_django, stopwatch

SCHOOLS = 10
REQUESTS = 20


def main():
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django_scopes import scopes_disabled

    from core.models import Membership, Organization
    from core.roles import Role
    from mentoring.models import Pair

    with scopes_disabled():
        schools = list(Organization.objects.filter(slug__startswith="gen-o-").order_by("pk")[:SCHOOLS])
        if not schools:
            raise SystemExit("Нет сгенерированных школ: сначала выполните make dataset.")
        cases = []
        for school in schools:
            curator = Membership.objects.filter(organization=school, role=Role.CURATOR).first().user
            pair = Pair.objects.filter(organization=school).order_by("pk").first()
            mentor_pair = Pair.objects.filter(organization=school, mentor__user__isnull=False).first()
            cases.append((school, curator, pair, mentor_pair))
    pages = {
        "главная куратора": lambda s, p: f"/o/{s.slug}/",
        "журналы наставников": lambda s, p: f"/o/{s.slug}/journals/",
        "журнал пары (куратор)": lambda s, p: f"/o/{s.slug}/pairs/{p.pk}/journal/",
        "пары и группы": lambda s, p: f"/o/{s.slug}/pairs/",
    }
    rows = []
    for name, url_of in pages.items():
        samples, queries = [], set()
        for school, curator, pair, _ in cases:
            client = Client()
            client.force_login(curator)
            url = url_of(school, pair)
            for _ in range(REQUESTS // 2):
                with stopwatch(samples):
                    assert client.get(url).status_code == 200, url
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            queries.add(len(captured))
        rows.append((name, f"медиана {median_ms(samples):6.1f} мс, запросов к БД {sorted(queries)}"))
    samples, queries = [], set()
    for school, _, _, mentor_pair in cases:
        if mentor_pair is None:
            continue
        client = Client()
        client.force_login(mentor_pair.mentor.user)
        for url in (f"/o/{school.slug}/my/pairs/", f"/o/{school.slug}/pairs/{mentor_pair.pk}/journal/"):
            for _ in range(REQUESTS // 4):
                with stopwatch(samples):
                    assert client.get(url).status_code == 200, url
    if samples:
        rows.append(("мои пары и журнал (наставник)", f"медиана {median_ms(samples):6.1f} мс"))
    report(f"Страницы на наборе из 100 школ ({SCHOOLS} школ, по {REQUESTS // 2} запросов на страницу и школу)", rows)


if __name__ == "__main__":
    main()
