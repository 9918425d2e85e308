"""Imports and exports in the background (registry/jobs.py, partnerships/tasks.py): a file
over the line is previewed and committed by the worker, all or nothing as in the request;
the job's page, its state and its file are for the user who started it only."""

import datetime
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook

from partnerships.models import ImportRun, Participation
from partnerships.spreadsheets import service
from registry import jobs
from registry.models import AuditAction, AuditEvent, BackgroundJob, JobStatus
from tests import factories
from tests.conftest import client_for
from tests.spreadsheets.conftest import xlsx

HEADERS = ["CBS-code deelnemer", "Registercode samenwerkingsverband", "Zetels"]


@pytest.fixture(autouse=True)
def _everything_in_the_background(settings):
    settings.BACKGROUND_IMPORT_FROM_BYTES = 1
    settings.BACKGROUND_EXPORT_FROM_ROWS = 1


@pytest.fixture
def almelo_griffie(almelo):
    return factories.user_with_role("griffie", almelo)


@pytest.fixture
def griffie(enschede):
    user = factories.user_with_role("griffie", enschede)
    user.email = "griffie@enschede.example"
    user.save()
    return user


def upload(client, data: bytes):
    return client.post(
        reverse("partnerships:spreadsheets"),
        {"kind": "participations", "file": SimpleUploadedFile("deelnemingen.xlsx", data)},
    )


def job_of(response) -> BackgroundJob:
    assert response.status_code == 302, response.content.decode()[:500]
    job = BackgroundJob.objects.get()
    assert response["Location"] == reverse("job", args=[job.pk])
    return job


def test_a_large_import_is_previewed_and_committed_by_the_worker(griffie, ggd, run_jobs):
    client = client_for(griffie)
    job = job_of(upload(client, xlsx([HEADERS, ["GM0153", "ggd-twente", 2]])))
    page = client.get(reverse("job", args=[job.pk])).content.decode()
    assert "in de wachtrij" in page and '<progress id="job-progress"' in page
    assert not Participation.objects.exists()

    assert run_jobs() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    preview = client.get(reverse("job", args=[job.pk]), follow=True).content.decode()
    assert "1 rijen: 1 nieuw, 0 gewijzigd, 0 ongewijzigd, 0 met fouten." in preview
    assert "Doorvoeren: 1 nieuw, 0 gewijzigd" in preview
    assert not Participation.objects.exists()  # a preview writes nothing

    run = ImportRun.objects.get()
    response = client.post(reverse("partnerships:spreadsheet_confirm", args=[run.pk]))
    commit = BackgroundJob.objects.exclude(pk=job.pk).get()
    assert response["Location"] == reverse("job", args=[commit.pk])
    assert not Participation.objects.exists()
    assert run_jobs() == 1
    done = client.get(reverse("job", args=[commit.pk])).content.decode()
    assert "is doorgevoerd" in done and "De import bekijken" in done
    participation = Participation.objects.get()
    assert (participation.organisation.cbs_code, participation.seats) == ("GM0153", 2)
    run.refresh_from_db()
    assert run.status == "committed"
    event = AuditEvent.objects.filter(action=AuditAction.IMPORT).get()
    assert event.user == griffie and event.detail["uitkomst"] == "doorgevoerd"
    assert event.address == "127.0.0.1"  # the request's, kept on the job
    assert [message.to for message in mail.outbox] == [[griffie.email]] * 2
    assert "is doorgevoerd" in mail.outbox[1].body


def test_a_commit_that_fails_in_the_worker_writes_nothing(griffie, ggd, run_jobs, monkeypatch):
    client = client_for(griffie)
    upload(client, xlsx([HEADERS, ["GM0153", "ggd-twente", 2]]))
    run_jobs()
    run = ImportRun.objects.get()
    client.post(reverse("partnerships:spreadsheet_confirm", args=[run.pk]))

    def broken(plan, run, user):
        Participation.objects.create(organisation=plan.rows[0].instance.organisation, party=ggd)
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(service, "_write", broken)
    run_jobs()
    commit = BackgroundJob.objects.latest("pk")
    assert commit.status == JobStatus.FAILED
    page = client.get(reverse("job", args=[commit.pk])).content.decode()
    assert "De taak is mislukt door een fout in het register; er is niets opgeslagen." in page
    assert not Participation.objects.exists()  # the half-written row went with the transaction
    run.refresh_from_db()
    assert run.status == "preview"
    assert DBTaskResult.objects.get(pk=commit.task_id).status == "FAILED"  # the traceback


def test_a_register_changed_since_the_preview_is_refused_with_the_reason(
    griffie, ggd, enschede, run_jobs
):
    client = client_for(griffie)
    upload(client, xlsx([HEADERS, ["GM0153", "ggd-twente", 2]]))
    run_jobs()
    run = ImportRun.objects.get()
    client.post(reverse("partnerships:spreadsheet_confirm", args=[run.pk]))
    factories.ParticipationFactory(organisation=enschede, party=ggd, seats=5)
    run_jobs()
    commit = BackgroundJob.objects.latest("pk")
    assert commit.status == JobStatus.FAILED
    assert "Het register is gewijzigd sinds de voorvertoning" in commit.message
    assert Participation.objects.get().seats == 5


def test_a_preview_not_ready_cannot_be_confirmed(griffie, ggd):
    client = client_for(griffie)
    upload(client, xlsx([HEADERS, ["GM0153", "ggd-twente", 2]]))
    run = ImportRun.objects.get()
    response = client.post(reverse("partnerships:spreadsheet_confirm", args=[run.pk]), follow=True)
    assert "De voorvertoning van dit bestand is nog niet klaar" in response.content.decode()
    assert not Participation.objects.exists()


def test_nobody_else_sees_a_job_its_progress_its_preview_or_its_file(
    griffie, almelo_griffie, ggd, run_jobs
):
    client = client_for(griffie)
    job = job_of(upload(client, xlsx([HEADERS, ["GM0153", "ggd-twente", 2]])))
    run_jobs()
    export = client.get(reverse("partnerships:spreadsheet_export", args=["parties", "xlsx"]))
    run_jobs()
    export_job = BackgroundJob.objects.get(pk=export["Location"].split("/")[-2])
    other = client_for(almelo_griffie)
    admin = client_for(factories.admin_user())
    for intruder in (other, admin):
        for url in (
            reverse("job", args=[job.pk]),
            reverse("job_state", args=[job.pk]),
            reverse("partnerships:spreadsheet_job_preview", args=[job.pk]),
            reverse("job_file", args=[export_job.pk]),
        ):
            assert intruder.get(url).status_code == 404, url
        listed = intruder.get(reverse("admin:registry_backgroundjob_changelist"))
        assert "deelnemingen.xlsx" not in listed.content.decode()
    assert client.get(reverse("job_file", args=[export_job.pk])).status_code == 200


def test_the_job_state_reports_the_progress_the_worker_writes(griffie, ggd, monkeypatch):
    monkeypatch.setattr(jobs, "PROGRESS_SECONDS", 0)  # every call written
    client = client_for(griffie)
    job = job_of(upload(client, xlsx([HEADERS, ["GM0153", "ggd-twente", 2]])))
    progress = jobs.Progress(job.pk)
    progress.phase("Rijen controleren")
    progress(2_500, 10_000)
    state = client.get(reverse("job_state", args=[job.pk])).json()
    assert state["step"] == "Rijen controleren"
    assert (state["done"], state["total"], state["percent"]) == (2_500, 10_000, 25)
    assert state["finished"] is False and state["status_label"] == "in de wachtrij"
    page = client.get(reverse("job", args=[job.pk])).content.decode()
    assert "2500 van 10000" in page and 'value="25"' in page


def test_a_large_export_is_made_by_the_worker_with_the_same_content(
    griffie, enschede, ggd, run_jobs, settings
):
    factories.ParticipationFactory(organisation=enschede, party=ggd, seats=3)
    client = client_for(griffie)
    url = reverse("partnerships:spreadsheet_export", args=["participations", "xlsx"])
    job = job_of(client.get(url))
    run_jobs()
    page = client.get(reverse("job", args=[job.pk])).content.decode()
    assert "1 rijen geëxporteerd." in page and "participations.xlsx downloaden" in page
    background = client.get(reverse("job_file", args=[job.pk]))
    assert background["Content-Disposition"] == 'attachment; filename="participations.xlsx"'
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT_DOWNLOADED).count() == 1

    settings.BACKGROUND_EXPORT_FROM_ROWS = 10**9
    inline = client.get(url)

    def rows(content: bytes):
        return list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))

    assert rows(background.content) == rows(b"".join(inline.streaming_content))


def test_old_finished_jobs_are_pruned(griffie, ggd, run_jobs):
    from django.core.management import call_command
    from django.utils import timezone

    client = client_for(griffie)
    upload(client, xlsx([HEADERS, ["GM0153", "ggd-twente", 2]]))
    run_jobs()
    BackgroundJob.objects.update(finished_at=timezone.now() - datetime.timedelta(days=8))
    call_command("prune_jobs", verbosity=0)
    assert not BackgroundJob.objects.exists()
