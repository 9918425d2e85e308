"""A parties import that changes themes writes them in bulk (issue 18, point 4): the same
number of queries for 3 rows as for 30, each party's themes as the file says, one history
record per party naming the import and holding its themes as saved; all or nothing and the
write check as before."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerships.models import Party, Theme
from partnerships.spreadsheets import service
from tests import factories
from tests.spreadsheets.conftest import xlsx

# The whole commit of a parties import whose rows all change their themes (reading the
# file and the register, judging every row, writing): the same at 3 rows and at 30.
PINNED_QUERIES = 14

HEADER = ["Registercode", "Naam", "Thema's"]


@pytest.fixture
def themes(db):
    return list(Theme.objects.order_by("name")[:3])


def parties_kept_by(griffie_organisation, count: int, first_theme, start: int = 0):
    parties = []
    for number in range(start, start + count):
        party = factories.PartyFactory(code=f"partij-{number}", name=f"Partij {number}")
        party.themes.set([first_theme])
        factories.ParticipationFactory(party=party, organisation=griffie_organisation)
        parties.append(party)
    return parties


def sheet(parties, theme_names) -> bytes:
    return xlsx([HEADER, *([p.code, p.name, "; ".join(theme_names)] for p in parties)])


def commit(user, data):
    return service.commit(user, "parties", data, "themas.xlsx", channel="admin")


def counted_commit(user, data):
    with CaptureQueriesContext(connection) as captured:
        plan = commit(user, data)
    assert plan.ok, [str(p) for p in plan.problems]
    return len(captured)


def test_an_import_changing_themes_takes_the_same_queries_at_3_and_30_rows(
    griffie, enschede, themes
):
    first, second, third = themes
    few = parties_kept_by(enschede, 3, first)
    many = parties_kept_by(enschede, 30, first, start=3)
    commit(griffie, sheet(few[:1], [second.name]))  # warm-up: content types, caches

    counts = (
        counted_commit(griffie, sheet(few, [second.name, third.name])),
        counted_commit(griffie, sheet(many, [second.name, third.name])),
    )

    assert counts == (PINNED_QUERIES, PINNED_QUERIES)
    for party in Party.objects.filter(pk__in=[p.pk for p in few + many]):
        assert sorted(t.name for t in party.themes.all()) == sorted([second.name, third.name])


def test_each_party_gets_one_history_record_naming_the_import_with_its_themes_as_saved(
    griffie, enschede, themes
):
    first, second, third = themes
    parties = parties_kept_by(enschede, 2, first)
    renamed = parties_kept_by(enschede, 1, first, start=2)[0]  # a new name, themes untouched
    before = {p.pk: p.history.count() for p in [*parties, renamed]}
    public_body = "openbaar lichaam"  # as the parties have it
    data = xlsx(
        [
            [*HEADER, "Rechtsvorm"],
            *([p.code, p.name, f"{second.name}; {third.name}", public_body] for p in parties),
            [renamed.code, "Andere naam", first.name, public_body],
            ["nieuw-1", "Nieuwe partij", third.name, public_body],
        ]
    )
    plan = commit(griffie, data)
    assert plan.ok, [str(p) for p in plan.problems]

    for party in [*parties, renamed]:
        assert party.history.count() == before[party.pk] + 1
    for party, expected in [
        *((p, [second.name, third.name]) for p in parties),
        (renamed, [first.name]),
        (Party.objects.get(code="nieuw-1"), [third.name]),
    ]:
        latest = party.history.first()
        assert latest.history_change_reason.startswith("Import ")
        assert latest.history_user == griffie
        assert sorted(row.theme.name for row in latest.themes.all()) == sorted(expected)
        assert sorted(t.name for t in party.themes.all()) == sorted(expected)


def test_an_import_with_one_bad_row_writes_no_themes(griffie, enschede, themes):
    first, second, _third = themes
    parties = parties_kept_by(enschede, 3, first)
    data = xlsx(
        [
            HEADER,
            *([p.code, p.name, second.name] for p in parties),
            ["nieuw-2", "Nieuwe partij", "Ruimtevaart"],  # no such theme
        ]
    )
    plan = commit(griffie, data)
    assert not plan.ok
    for party in parties:
        assert [t.name for t in party.themes.all()] == [first.name]
    assert not Party.objects.filter(code="nieuw-2").exists()


def test_themes_of_a_party_the_user_may_not_change_are_refused(griffie, enschede, themes):
    """The write check judges the party as it will be saved: the griffie of Enschede keeps
    no party Enschede takes no part in, so none of the rows is written."""
    first, second, _third = themes
    own = parties_kept_by(enschede, 2, first)
    other = factories.PartyFactory(code="andermans", name="Andermans regeling")
    other.themes.set([first])
    factories.ParticipationFactory(party=other)  # another municipality's
    plan = commit(griffie, sheet([*own, other], [second.name]))
    assert not plan.ok
    for party in [*own, other]:
        assert [t.name for t in party.themes.all()] == [first.name]
