"""The portal's pages on the generated dataset (``make dataset`` first) beside the framework floor measured in
the same run: a tenant page through the same middleware whose view renders the base template with no queries of
its own (``benchmarks.urls``). Per page: median and p95 server time, queries, and the ratio to the floor."""

import os
import statistics
from urllib.parse import quote

from benchmarks.harness import setup_django, stopwatch

SCHOOLS = int(os.environ.get("PAGES_SCHOOLS", "10"))
REQUESTS = int(os.environ.get("PAGES_REQUESTS", "10"))  # per page and school, after one warm-up request
FLOOR = "пол: базовый шаблон"


def school_cases(count):
    """(school, curator, a pair, its programme, the school's municipal specialist) for the first schools."""
    from django_scopes import scopes_disabled

    from core.models import Membership, Organization
    from core.roles import Role
    from mentoring.models import Pair

    with scopes_disabled():
        schools = list(Organization.objects.filter(slug__startswith="gen-o-").order_by("pk")[:count])
        if not schools:
            raise SystemExit("Нет сгенерированных школ: сначала выполните make dataset.")
        cases = []
        for school in schools:
            curator = Membership.objects.filter(organization=school, role=Role.CURATOR).first().user
            pair = Pair.objects.filter(organization=school).order_by("pk").first()
            specialist = Membership.objects.filter(
                municipality=school.municipality_id, role=Role.MUNICIPAL_SPECIALIST
            ).first()
            cases.append((school, curator, pair, specialist.user if specialist else None))
    return cases


def pages():
    """Page name → (which user opens it, URL of the case)."""
    return {
        FLOOR: ("curator", lambda s, p: f"/o/{s.slug}/bench-floor/"),
        "главная куратора": ("curator", lambda s, p: f"/o/{s.slug}/"),
        "программа с этапами": ("curator", lambda s, p: f"/o/{s.slug}/programmes/{p.programme_id}/"),
        "наставляемые": ("curator", lambda s, p: f"/o/{s.slug}/mentees/"),
        "наставляемые: поиск по фамилии": ("curator", lambda s, p: f"/o/{s.slug}/mentees/?q={quote('Иванов')}"),
        "наставники": ("curator", lambda s, p: f"/o/{s.slug}/mentors/"),
        "пары и группы": ("curator", lambda s, p: f"/o/{s.slug}/pairs/"),
        "журналы наставников": ("curator", lambda s, p: f"/o/{s.slug}/journals/"),
        "журнал пары": ("curator", lambda s, p: f"/o/{s.slug}/pairs/{p.pk}/journal/"),
        "подбор пар": ("curator", lambda s, p: f"/o/{s.slug}/matching/"),
        "мониторинг муниципалитета": ("specialist", lambda s, p: f"/m/{s.municipality.slug}/monitoring/"),
    }


def landing(client, url):
    """Where ``url`` lands for the client's session: a search moves its terms into the session and redirects to
    the key of the stored filter (no name in an address), and that key is what a user's later requests carry."""
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    query = response.request.get("QUERY_STRING", "")
    return response.request["PATH_INFO"] + (f"?{query}" if query else "")


def measure(cases):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    results = {}
    for name, (who, url_of) in pages().items():
        samples, queries = [], set()
        for school, curator, pair, specialist in cases:
            user = curator if who == "curator" else specialist
            if user is None:
                continue
            client = Client()
            client.force_login(user)
            url = landing(client, url_of(school, pair))
            with CaptureQueriesContext(connection) as captured:  # the warm-up request, counted
                assert client.get(url).status_code == 200, url
            queries.add(len(captured))
            for _ in range(REQUESTS):
                with stopwatch(samples):
                    client.get(url)
        if samples:
            results[name] = (samples, queries)
    return results


def p95(samples):
    return statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]


def main():
    setup_django()
    from django.test.utils import override_settings

    cases = school_cases(SCHOOLS)
    with override_settings(ROOT_URLCONF="benchmarks.urls"):
        results = measure(cases)
    floor = statistics.median(results[FLOOR][0])
    print(f"\n## Страницы на сгенерированном наборе ({len(cases)} школ, по {REQUESTS} запросов на страницу и школу)")
    width = max(len(name) for name in results)
    print(f"  {'страница':<{width}}  {'медиана':>9}  {'p95':>9}  {'запросов':>9}  {'к полу':>7}")
    worst = (0.0, "")
    for name, (samples, queries) in results.items():
        median = statistics.median(samples)
        ratio = median / floor
        if name != FLOOR:
            worst = max(worst, (ratio, name))
        counts = "/".join(str(n) for n in sorted(queries))
        print(f"  {name:<{width}}  {median * 1000:6.1f} мс  {p95(samples) * 1000:6.1f} мс  {counts:>9}  {ratio:6.1f}×")
    print(f"worst ratio to floor: {worst[0]:.1f}x ({worst[1]})")


if __name__ == "__main__":
    main()
