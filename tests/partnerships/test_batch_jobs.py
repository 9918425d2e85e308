"""Finance work in the background (partnerships/batch_tasks.py): the paragraphs of many
organisations as one ZIP, and a contribution run over many budgets; the same outcome as in
the request, with the rights of the user as they are when the worker runs it."""

import io
import zipfile
from decimal import Decimal

import pytest
from django.urls import reverse

from partnerships import services
from partnerships.choices import FiguresKind
from partnerships.models import AnnualFigures, Contribution
from registry.models import AuditAction, AuditEvent, BackgroundJob, JobStatus, Role, RoleKind
from tests import factories
from tests.conftest import client_for

PARAGRAPHS = {"alle-year": 2027, "alle-variant": "begroting", "alle-file_format": "csv"}


@pytest.fixture
def finance_of_both(enschede, almelo):
    user = factories.user_with_role(RoleKind.FINANCE, enschede)
    Role.objects.create(user=user, organisation=almelo, kind=RoleKind.FINANCE)
    return user


def started_job(response) -> BackgroundJob:
    job = BackgroundJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("job", args=[job.pk])
    return job


def test_the_paragraphs_of_all_ones_organisations_come_as_one_zip(
    gbt, enschede, almelo, finance_of_both, run_jobs
):
    client = client_for(finance_of_both)
    page = client.get(reverse("partnerships:paragraph")).content.decode()
    assert "Alle paragrafen maken" in page and 'id="id_alle-year"' in page
    job = started_job(client.post(reverse("partnerships:paragraph_batch"), PARAGRAPHS))

    assert run_jobs() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.message
    assert job.message == "De paragrafen van 2 organisaties zijn gemaakt."
    download = client.get(reverse("job_file", args=[job.pk]))
    assert download["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(download.content))
    names = sorted(archive.namelist())
    assert names == [
        "verbonden-partijen-begroting-2027-GM0141.csv",
        "verbonden-partijen-begroting-2027-GM0153.csv",
    ]
    for organisation, name in ((almelo, names[0]), (enschede, names[1])):
        single = client.get(
            reverse("partnerships:paragraph"),
            {"organisation": organisation.pk, "year": 2027, "variant": "begroting"}
            | {"file_format": "csv"},
        )
        assert archive.read(name) == single.content  # the same document as one by one
    event = AuditEvent.objects.get(target=job.file_name)
    assert event.action == AuditAction.PARAGRAPH_DOWNLOADED and event.detail["taak"] == job.pk


def test_the_paragraphs_are_made_with_the_rights_held_when_the_worker_runs(
    gbt, almelo, finance_of_both, run_jobs
):
    client = client_for(finance_of_both)
    job = started_job(client.post(reverse("partnerships:paragraph_batch"), PARAGRAPHS))
    Role.objects.filter(user=finance_of_both, organisation=almelo).delete()
    run_jobs()
    job.refresh_from_db()
    archive = zipfile.ZipFile(io.BytesIO(bytes(job.file_content)))
    assert archive.namelist() == ["verbonden-partijen-begroting-2027-GM0153.csv"]


def test_finance_of_one_organisation_is_offered_no_batch(gbt, enschede):
    client = client_for(factories.user_with_role(RoleKind.FINANCE, enschede))
    page = client.get(reverse("partnerships:paragraph")).content.decode()
    assert "Alle paragrafen maken" not in page
    response = client.post(reverse("partnerships:paragraph_batch"), PARAGRAPHS)
    assert response.status_code == 403
    assert not BackgroundJob.objects.exists()
    council = client_for(factories.user_with_role(RoleKind.COUNCIL, enschede))
    assert council.post(reverse("partnerships:paragraph_batch"), PARAGRAPHS).status_code == 403


@pytest.fixture
def second_budget(enschede):
    """A budget of a party without a cost key: it cannot be computed."""
    party = factories.PartyFactory(name="Zonder sleutel")
    factories.ParticipationFactory(party=party, organisation=enschede)
    return AnnualFigures.objects.create(
        party=party, year=2027, kind=FiguresKind.BUDGET, contributions_total=Decimal("1000")
    )


def run_action(client, figures):
    return client.post(
        reverse("admin:partnerships_annualfigures_changelist"),
        {"action": "compute_contributions", "_selected_action": [f.pk for f in figures]},
    )


def test_a_contribution_run_from_the_line_on_is_done_by_the_worker(
    gbt, enschede, second_budget, run_jobs, settings
):
    settings.BACKGROUND_CONTRIBUTIONS_FROM_BUDGETS = 2
    client = client_for(factories.user_with_role(RoleKind.FINANCE, enschede))
    job = started_job(run_action(client, [gbt.annual_figures.get(), second_budget]))
    assert not Contribution.objects.exists()

    assert run_jobs() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    assert job.message == "1 bijdrage berekend voor 2 begrotingen."
    page = client.get(reverse("job", args=[job.pk])).content.decode()
    assert "Gemeentelijk Belastingkantoor Twente 2027: 1 bijdrage berekend." in page
    assert "Zonder sleutel 2027: " in page  # with the reason the key cannot be applied
    enschede_share = Contribution.objects.get()  # finance stores its own organisation's only
    assert enschede_share.participation.organisation == enschede
    assert enschede_share.budgeted == Decimal("1600000.00")


def test_below_the_line_the_run_is_done_in_the_request_with_the_same_lines(
    gbt, enschede, second_budget, settings
):
    settings.BACKGROUND_CONTRIBUTIONS_FROM_BUDGETS = 3
    client = client_for(factories.user_with_role(RoleKind.FINANCE, enschede))
    response = run_action(client, [gbt.annual_figures.get(), second_budget])
    assert response.status_code == 302 and not BackgroundJob.objects.exists()
    shown = [str(m) for m in response.wsgi_request._messages]
    assert shown[0] == "Gemeentelijk Belastingkantoor Twente 2027: 1 bijdrage berekend."
    assert shown[1].startswith("Zonder sleutel 2027: ")
    assert Contribution.objects.count() == 1


def test_a_contribution_run_that_stops_halfway_stores_nothing(
    gbt, enschede, second_budget, run_jobs, settings, monkeypatch
):
    settings.BACKGROUND_CONTRIBUTIONS_FROM_BUDGETS = 1
    stored = services.store_budgeted_contributions

    def second_fails(party, year, **kwargs):
        if party == second_budget.party:
            raise RuntimeError("de verwerker valt uit")
        return stored(party, year, **kwargs)

    monkeypatch.setattr(services, "store_budgeted_contributions", second_fails)
    client = client_for(factories.admin_user())
    job = started_job(run_action(client, [gbt.annual_figures.get(), second_budget]))
    run_jobs()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert "er is niets opgeslagen" in job.message
    assert not Contribution.objects.exists()  # the first budget's contributions neither
