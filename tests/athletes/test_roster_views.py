import re

import pytest
from django.core import mail
from django.urls import reverse

from athletes.models import Coaching, Invitation, Squad
from athletes.services import invitation_create, roster_add
from tests.conftest import PERSONAS
from tests.factories import AthleteFactory, AthleteProfileFactory, SquadFactory

COACH_ONLY = {
    "anonymous": "login",
    "athlete": 403,
    "other_athlete": 403,
    "coach": 200,
    "other_coach": 404,
    "staff": 403,
}


@pytest.fixture
def roster(coach, athlete, other_athlete):
    AthleteProfileFactory(user=athlete, injury_notes="Left achilles is sore")
    squad = SquadFactory(coach=coach, name="Marathon group")
    squad.members.add(athlete)
    invitation = invitation_create(
        coach=coach, email="new.runner@test.example", accept_url=lambda t: f"http://x/{t}"
    )
    return {"athlete": athlete, "squad": squad, "invitation": invitation}


def _urls(r):
    a, s, i = r["athlete"].pk, r["squad"].pk, r["invitation"].pk
    return [
        ("get", reverse("roster:athlete_detail", args=[a])),
        ("get", reverse("roster:athlete_remove", args=[a])),
        ("post", reverse("roster:squad_member_remove", args=[s, a])),
        ("post", reverse("roster:athlete_squad_toggle", args=[a, s])),
        ("post", reverse("roster:invitation_resend", args=[i])),
        ("post", reverse("roster:invitation_revoke", args=[i])),
        ("get", reverse("roster:squad_detail", args=[s])),
        ("post", reverse("roster:squad_rename", args=[s])),
        ("get", reverse("roster:squad_delete", args=[s])),
        ("post", reverse("roster:squad_member_add", args=[s])),
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_roster_object_pages_access(as_persona, persona, roster):
    client = as_persona(persona)
    for method, url in _urls(roster):
        response = getattr(client, method)(url, {"name": "Renamed"} if method == "post" else None)
        expected = COACH_ONLY[persona]
        if expected == "login":
            assert response.status_code == 302 and "/accounts/login/" in response.url, url
        elif expected == 200:
            assert response.status_code in {200, 302}, url
        else:
            assert response.status_code == expected, (url, response.status_code)
        if persona != "coach":
            assert b"Left achilles" not in response.content


@pytest.mark.parametrize("persona", PERSONAS)
def test_roster_list_access_shows_only_own_athletes(as_persona, persona, roster):
    response = as_persona(persona).get(reverse("roster:athlete_list"))
    if persona == "anonymous":
        assert response.status_code == 302
    elif persona in {"coach", "other_coach"}:
        assert response.status_code == 200
        body = response.content.decode()
        assert ("Ada Athlete" in body) == (persona == "coach")
        assert ("Olga Otherathlete" in body) == (persona == "other_coach")
        assert ("new.runner@test.example" in body) == (persona == "coach")
    else:
        assert response.status_code == 403


def test_wrong_role_gets_the_403_page(client, athlete):
    client.force_login(athlete)
    response = client.get(reverse("roster:athlete_list"))
    assert response.status_code == 403
    assert b"You cannot open this page" in response.content


def test_roster_search_and_squad_filter(client, coach, roster):
    roster_add(coach=coach, athlete=AthleteFactory(name="Zed Zoom", email="zed@test.example"))
    client.force_login(coach)
    url = reverse("roster:athlete_list")
    body = client.get(url, {"q": "zed"}).content.decode()
    assert "Zed Zoom" in body and "Ada Athlete" not in body
    body = client.get(url, {"squad": roster["squad"].pk}).content.decode()
    assert "Ada Athlete" in body and "Zed Zoom" not in body
    body = client.get(url, {"squad": "999999"}).content.decode()  # unknown squad: ignored
    assert "Ada Athlete" in body and "Zed Zoom" in body


def test_roster_htmx_search_returns_fragment(client, coach, roster):
    client.force_login(coach)
    response = client.get(
        reverse("roster:athlete_list"),
        {"q": "ada"},
        headers={"HX-Request": "true", "HX-Target": "roster-results"},
    )
    body = response.content.decode()
    assert "<html" not in body and body.lstrip().startswith('<section id="roster-results"')
    assert "Ada Athlete" in body


def test_invite_sends_a_single_use_link(client, coach):
    client.force_login(coach)
    response = client.post(
        reverse("roster:invitation_create"), {"email": "Fresh@Test.example", "message": "Hi!"}
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "fresh@test.example"
    assert len(mail.outbox) == 1
    assert "/accounts/invitations/" in mail.outbox[0].body
    assert "Hi!" in mail.outbox[0].body
    assert invitation.token_hash not in mail.outbox[0].body


def test_invite_htmx_returns_the_invitations_fragment_with_toast(client, coach):
    client.force_login(coach)
    response = client.post(
        reverse("roster:invitation_create"),
        {"email": "fresh@test.example"},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="invitations"')
    assert "fresh@test.example" in body
    assert 'hx-swap-oob="beforeend"' in body and "Invitation sent" in body


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("not-an-email", "Enter a valid email address"),
        ("athlete@test.example", "already on your roster"),
        ("coach@test.example", "This is your own address. To plan your own training"),
    ],
)
def test_invite_bad_input_is_explained_and_kept(client, coach, athlete, email, message):
    client.force_login(coach)
    response = client.post(reverse("roster:invitation_create"), {"email": email, "message": "Yo"})
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert f'value="{email}"' in body
    assert Invitation.objects.count() == 0


def test_resend_rotates_the_token_and_revoke_kills_it(client, coach, roster):
    client.force_login(coach)
    invitation = roster["invitation"]
    old_hash = invitation.token_hash
    client.post(reverse("roster:invitation_resend", args=[invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.token_hash != old_hash and invitation.send_count == 2
    client.post(reverse("roster:invitation_revoke", args=[invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.state == "revoked"


def test_remove_from_roster_keeps_the_athletes_data(client, coach, roster):
    athlete = roster["athlete"]
    client.force_login(coach)
    response = client.post(reverse("roster:athlete_remove", args=[athlete.pk]))
    assert response.status_code == 302
    athlete.refresh_from_db()
    assert athlete.athlete_profile.injury_notes == "Left achilles is sore"
    assert Coaching.objects.filter(coach=coach, athlete=athlete, ended_at__isnull=False).exists()
    assert not roster["squad"].members.filter(pk=athlete.pk).exists()
    assert client.get(reverse("roster:athlete_detail", args=[athlete.pk])).status_code == 404


def test_squad_create_rename_members_delete(client, coach, roster):
    client.force_login(coach)
    response = client.post(reverse("roster:squad_create"), {"name": "Track group"})
    squad = Squad.objects.get(name="Track group")
    assert response.url == reverse("roster:squad_detail", args=[squad.pk])
    # The name is unique per coach, ignoring case.
    response = client.post(reverse("roster:squad_create"), {"name": "track GROUP"})
    assert response.status_code == 200
    assert "You already have a squad with this name" in response.content.decode()
    assert 'value="track GROUP"' in response.content.decode()

    client.post(reverse("roster:squad_rename", args=[squad.pk]), {"name": "Track 5k"})
    squad.refresh_from_db()
    assert squad.name == "Track 5k"
    athlete = roster["athlete"]
    response = client.post(
        reverse("roster:squad_member_add", args=[squad.pk]),
        {"athlete": athlete.pk},
        headers={"HX-Request": "true"},
    )
    assert response.content.decode().lstrip().startswith('<section id="squad-members"')
    assert squad.members.filter(pk=athlete.pk).exists()
    client.post(reverse("roster:squad_member_remove", args=[squad.pk, athlete.pk]))
    assert not squad.members.exists()
    client.post(reverse("roster:squad_delete", args=[squad.pk]))
    assert not Squad.objects.filter(pk=squad.pk).exists()
    assert Coaching.objects.active().filter(coach=coach, athlete=athlete).exists()


def test_coach_cannot_add_another_coachs_athlete_to_a_squad(client, coach, other_athlete, roster):
    client.force_login(coach)
    response = client.post(
        reverse("roster:squad_member_add", args=[roster["squad"].pk]),
        {"athlete": other_athlete.pk},
    )
    assert response.status_code == 200
    assert "Choose an athlete from your roster" in response.content.decode()
    assert not roster["squad"].members.filter(pk=other_athlete.pk).exists()


def test_athlete_squad_toggle_with_htmx(client, coach, roster):
    client.force_login(coach)
    url = reverse("roster:athlete_squad_toggle", args=[roster["athlete"].pk, roster["squad"].pk])
    response = client.post(url, headers={"HX-Request": "true"})
    assert response.content.decode().lstrip().startswith('<section id="athlete-squads"')
    assert not roster["squad"].members.exists()
    client.post(url)
    assert roster["squad"].members.count() == 1


def _grow_roster(coach, count):
    squad = SquadFactory(coach=coach, name=f"Squad of {count}")
    for index in range(count):
        athlete = AthleteFactory(email=f"bulk{count}-{index}@test.example")
        AthleteProfileFactory(user=athlete)
        roster_add(coach=coach, athlete=athlete)
        squad.members.add(athlete)
    invitation_create(coach=coach, email=f"inv{count}@test.example", accept_url=str)


@pytest.mark.parametrize("params", [{}, {"q": "bulk"}])
def test_roster_query_count_is_the_same_for_5_and_500_athletes(
    client, coach, django_assert_num_queries, params
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(coach)
    _grow_roster(coach, 5)
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("roster:athlete_list"), params)
    _grow_roster(coach, 495)
    with django_assert_num_queries(len(small)):
        response = client.get(reverse("roster:athlete_list"), params)
    assert response.content.decode().count("roster-card") == 500


def test_athlete_and_squad_pages_query_count_is_fixed(client, coach, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(coach)
    _grow_roster(coach, 5)
    squad = Squad.objects.get(name="Squad of 5")
    athlete = squad.members.first()
    urls = [
        reverse("roster:athlete_detail", args=[athlete.pk]),
        reverse("roster:squad_detail", args=[squad.pk]),
    ]
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        counts.append(len(ctx))
    for index in range(50):
        SquadFactory(coach=coach, name=f"Extra {index}")
    _grow_roster(coach, 50)
    for url, count in zip(urls, counts, strict=True):
        with django_assert_num_queries(count):
            client.get(url)


def _cards(client, **params) -> str:
    body = client.get(reverse("roster:athlete_list"), params).content.decode()
    return body.split('<section id="roster-results"', 1)[1].split("</section>", 1)[0]


def test_roster_cards_show_every_change_at_once_though_cached(client, coach, roster):
    """The cards are cached until a listed athlete's data or the coach's squads change."""
    from athletes import services

    athlete, squad = roster["athlete"], roster["squad"]
    client.force_login(coach)
    first = _cards(client)
    assert "Ada Athlete" in first and "Marathon group" in first and "Injury notes" in first
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as warm:
        assert _cards(client) == first
    # Session, coach, squads (the forms), the roster's pks and the open invitations: the
    # cards themselves come from the cache.
    assert len(warm) == 5
    assert not [q for q in warm.captured_queries if "athleteprofile" in q["sql"]]
    athlete.name = "Ada Renamed"
    athlete.save()
    assert "Ada Renamed" in _cards(client)
    profile = athlete.athlete_profile
    profile.injury_notes = ""
    profile.weekly_km = 42
    profile.save()
    cards = _cards(client)
    assert "Injury notes" not in cards and "42 km a week" in cards
    services.squad_rename(squad=squad, name="Track group")
    assert "Track group" in _cards(client)
    services.squad_delete(squad=squad)
    assert "Track group" not in _cards(client)
    track = services.squad_create(coach=coach, name="Hills")
    services.squad_add_athlete(squad=track, athlete=athlete)
    assert "Hills" in _cards(client) and "Hills" in _cards(client, squad=track.pk)
    athlete.squads_joined.remove(track)  # from the athlete's side
    assert "Hills" not in _cards(client)
    athlete.squads_joined.add(track)
    assert "Hills" in _cards(client)
    newcomer = AthleteFactory(name="Nia Newcomer")
    roster_add(coach=coach, athlete=newcomer)
    assert "Nia Newcomer" in _cards(client)
    services.roster_remove(coach=coach, athlete=newcomer)
    assert "Nia Newcomer" not in _cards(client)
    roster_add(coach=coach, athlete=newcomer)
    assert "Nia Newcomer" in _cards(client)
    services.account_delete(user=newcomer)
    assert "Nia Newcomer" not in _cards(client)
    assert "No athlete matches." in _cards(client, q="nobody")


def test_roster_cards_are_never_another_coachs(client, coach, other_coach, roster):
    client.force_login(coach)
    assert "Ada Athlete" in _cards(client)
    client.force_login(other_coach)
    assert "Ada Athlete" not in _cards(client)
    roster_add(coach=other_coach, athlete=roster["athlete"])
    cards = _cards(client)
    # Their own render: the athlete, without the first coach's squad.
    assert "Ada Athlete" in cards and "Marathon group" not in cards


def _page(client, **params) -> str:
    return client.get(reverse("roster:athlete_list"), params).content.decode()


def _invitations(client) -> str:
    section = _page(client).split('<section id="invitations"', 1)[1].split("</section>", 1)[0]
    # Without the CSRF tokens, which differ from one request to the next.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", section)


def test_roster_invitations_show_every_change_at_once_though_cached(client, coach, roster):
    from athletes import services

    invitation = roster["invitation"]
    client.force_login(coach)
    first = _invitations(client)
    assert "new.runner@test.example" in first and "Pending" in first
    assert _invitations(client) == first
    services.invitation_revoke(invitation=invitation)
    assert "Revoked" in _invitations(client)
    services.invitation_resend(invitation=invitation, accept_url=str)
    assert "Pending" in _invitations(client)
    services.invitation_create(
        coach=coach, email="second@test.example", squad=roster["squad"], accept_url=str
    )
    listed = _invitations(client)
    assert "second@test.example" in listed and "Marathon group" in listed
    services.squad_rename(squad=roster["squad"], name="Hill group")
    assert "Hill group" in _invitations(client)
    services.invitation_accept(invitation=invitation, user=AthleteFactory(email=invitation.email))
    assert "new.runner@test.example" not in _invitations(client)
    invitation.delete()
    Invitation.objects.all().delete()
    assert "second@test.example" not in _invitations(client)


def test_roster_invitation_that_expires_shows_expired_though_cached(
    client, coach, roster, monkeypatch
):
    from datetime import timedelta

    from django.utils import timezone

    invitation = roster["invitation"]
    invitation.expires_at = timezone.now() + timedelta(minutes=1)
    invitation.save()
    client.force_login(coach)
    assert "Pending" in _invitations(client)
    later = timezone.now() + timedelta(minutes=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    listed = _invitations(client)
    assert "Expired" in listed and "Pending" not in listed
    assert _invitations(client) == listed


def test_roster_squads_show_every_change_at_once_though_cached(client, coach, roster):
    from athletes import services

    client.force_login(coach)
    # The card, the filter's and the invitation's options, the squads list.
    assert _page(client).count("Marathon group") == 4
    hills = services.squad_create(coach=coach, name="Hills")
    body = _page(client)
    assert f'<option value="{hills.pk}">Hills</option>' in body
    assert reverse("roster:squad_detail", args=[hills.pk]) in body
    services.squad_rename(squad=hills, name="Track")
    body = _page(client)
    assert "Hills" not in body and f'<option value="{hills.pk}">Track</option>' in body
    services.squad_delete(squad=hills)
    assert "Track" not in _page(client)


def test_roster_page_is_never_another_coachs(client, coach, other_coach, roster):
    client.force_login(coach)
    assert "new.runner@test.example" in _page(client)
    client.force_login(other_coach)
    body = _page(client)
    assert "new.runner@test.example" not in body and "Marathon group" not in body


def test_roster_cached_page_carries_each_requests_csrf_token(coach, roster):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(coach)
    _page(client)
    body = _page(client)  # from the cache
    assert "<!--csrf-->" not in body
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    assert len(tokens) == 5  # sign out, invite, resend, revoke, create squad
    response = client.post(
        reverse("roster:invitation_create"),
        {"email": "fresh@test.example", "csrfmiddlewaretoken": tokens[0]},
    )
    assert response.status_code == 302
    assert "fresh@test.example" in _page(client)


def test_roster_bad_post_after_a_cached_page_keeps_the_typing(client, coach, roster):
    client.force_login(coach)
    _page(client)
    response = client.post(
        reverse("roster:invitation_create"),
        {"email": "not-an-email", "message": "Come run with us"},
    )
    body = response.content.decode()
    assert 'value="not-an-email"' in body and "Come run with us" in body
    assert "Enter a valid email address" in body and "<!--csrf-->" not in body
    assert "Ada Athlete" in body and "new.runner@test.example" in body
    response = client.post(reverse("roster:squad_create"), {"name": "marathon GROUP"})
    body = response.content.decode()
    assert 'value="marathon GROUP"' in body and "You already have a squad" in body
    # The next plain GET is the cached page again, with empty forms.
    body = _page(client)
    assert "not-an-email" not in body and "marathon GROUP" not in body


def test_roster_filtered_page_keeps_the_filter(client, coach, roster):
    client.force_login(coach)
    body = _page(client, q="ada", squad=roster["squad"].pk)
    assert 'value="ada"' in body
    assert f'<option value="{roster["squad"].pk}" selected>Marathon group</option>' in body
    assert "Ada Athlete" in body and "new.runner@test.example" in body
    assert 'value="ada"' not in _page(client)
