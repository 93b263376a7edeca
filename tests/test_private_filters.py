"""Names and support categories never travel in an address: the list's filters are posted and kept server-side
under a short id; an old address with them is moved out at once."""

from django.urls import reverse

from core.roles import Role


def url(world, name):
    return reverse(name, kwargs={"org": world.school.slug})


def test_the_search_is_posted_and_the_address_carries_only_a_filter_id(world):
    curator = world.client_for(world.users[Role.CURATOR])
    posted = curator.post(url(world, "mentee_list"), {"q": "Петров", "support": "ovz", "category": "pupil"})
    assert posted.status_code == 302
    location = posted["Location"]
    assert location.startswith(url(world, "mentee_list") + "?f=")
    assert "Петров" not in location and "%D0" not in location and "ovz" not in location and "support" not in location
    page = curator.get(location)
    assert [person.last_name for person in page.context["people"]] == ["Петров"]
    html = page.content.decode()
    assert 'name="q" value="Петров"' in html  # the form shows what is in force
    assert 'method="post"' in html[html.index('data-testid="filters"') - 100 :][:200]
    assert page.context["query_string"] == location.split("?")[1]  # pagination keeps the id, not the filters
    assert curator.get(f"{location}&page=1").context["filters"]["q"] == "Петров"


def test_an_address_with_a_name_or_a_category_is_moved_into_the_session(world):
    director = world.client_for(world.users[Role.DIRECTOR])
    response = director.get(url(world, "mentee_list"), {"q": "Петров", "support": "ovz"})
    assert response.status_code == 302 and "Петров" not in response["Location"] and "ovz" not in response["Location"]
    assert director.get(response["Location"]).context["filters"]["support"] == "ovz"
    mentors = director.get(url(world, "mentor_list"), {"q": "Сидорова"})
    assert mentors.status_code == 302 and "?f=" in mentors["Location"]


def test_filters_without_personal_data_still_work_from_a_link(world):
    director = world.client_for(world.users[Role.DIRECTOR])
    page = director.get(url(world, "mentee_list"), {"status": "in_pair"})
    assert page.status_code == 200 and page.context["filters"]["status"] == "in_pair"


def test_a_filter_id_of_another_session_shows_the_whole_list(world):
    curator = world.client_for(world.users[Role.CURATOR])
    location = curator.post(url(world, "mentee_list"), {"q": "Петров"})["Location"]
    stranger = world.client_for(world.users[Role.DIRECTOR]).get(location)
    assert stranger.status_code == 200 and stranger.context["filters"]["q"] == ""
    assert "Фильтр устарел" in stranger.content.decode()
