"""Uploaded files: one checked download view with the rights of the record (404 without
them, login first), served inline only as PDF or image and always with nosniff and a
sandbox; uploads limited to the field's kinds (by extension and first bytes) and size;
nothing under /media/, also with debug on."""

import importlib
import types

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import Resolver404, clear_url_caches, resolve, reverse
from django_sendfile import utils as sendfile_utils

import registry.settings
import registry.urls
from evaluations.choices import Performer
from evaluations.models import Evaluation
from partnerships.choices import ExitCostMethod, LegalDocumentKind
from partnerships.cycle.choices import DocumentKind
from partnerships.cycle.models import CycleDocument
from partnerships.models import LegalBasis
from registry import files, formatting
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for

PDF = b"%PDF-1.7\n1 0 obj << /Title (Gemeenschappelijke regeling) >> endobj\n%%EOF\n"
DOCX = b"PK\x03\x04\x14\x00\x06\x00" + b"word/document.xml" + b"\x00" * 64
REPORT = b"%PDF-1.7\n1 0 obj << /Title (Vertrouwelijk rapport) >> endobj\n%%EOF\n"
LOGIN = reverse("admin:login")


@pytest.fixture
def world(enschede, almelo, utrecht_city):
    """Regio Twente with Enschede and Almelo taking part, and one file of every kind."""
    party = factories.PartyFactory(name="Regio Twente")
    for organisation in (enschede, almelo):
        factories.ParticipationFactory(party=party, organisation=organisation)
    legal_basis = factories.LegalBasisFactory(
        party=party, document=ContentFile(PDF, name="regeling.pdf")
    )
    cycle_document = CycleDocument.objects.create(
        party=party,
        year=2027,
        kind=DocumentKind.DRAFT_BUDGET,
        document=ContentFile(DOCX, name="ontwerpbegroting.docx"),
    )
    shared, own = (
        Evaluation.objects.create(
            party=party,
            organisation=organisation,
            title=title,
            performer=Performer.AUDIT_OFFICE,
            report=ContentFile(content, name=name),
        )
        for organisation, title, content, name in (
            (None, "Evaluatie Regio Twente", PDF, "evaluatie.pdf"),
            (enschede, "Rekenkameronderzoek Enschede", REPORT, "rekenkamer-enschede.pdf"),
        )
    )
    return types.SimpleNamespace(
        party=party,
        enschede=enschede,
        almelo=almelo,
        utrecht=utrecht_city,
        files={
            "legal basis": (legal_basis.document, PDF),
            "cycle document": (cycle_document.document, DOCX),
            "party-wide evaluation": (shared.report, PDF),
            "Enschede's own evaluation": (own.report, REPORT),
        },
    )


def user_for(role: str, world):
    kind, _, place = role.partition(" ")
    organisations = {
        "Enschede": world.enschede,
        "Almelo": world.almelo,
        "Utrecht": world.utrecht,
        "Overijssel": world.enschede.province,
        "provincie-Utrecht": world.utrecht.province,
    }
    if kind == "admin":
        return factories.admin_user()
    if kind == "no-role":
        return factories.UserFactory()
    return factories.user_with_role(RoleKind(kind), organisations[place])


FILES = ("legal basis", "cycle document", "party-wide evaluation", "Enschede's own evaluation")
# role → expected status per file, in the order of FILES. Shared records of a party are read
# by every registry user; an evaluation of one participation by that municipality, its
# province's supervisor and administrators. No right gives 404, as a missing record does.
# A party's legal basis and cycle documents are public (the public pages link to them), so
# they are served to anyone; an evaluation that is not completed and public is not.
TABLE = {
    "griffie Enschede": (200, 200, 200, 200),
    "finance Enschede": (200, 200, 200, 200),
    "council Enschede": (200, 200, 200, 200),
    "griffie Almelo": (200, 200, 200, 404),  # takes part in the same party
    "griffie Utrecht": (200, 200, 200, 404),
    "supervisor Overijssel": (200, 200, 200, 200),
    "supervisor provincie-Utrecht": (200, 200, 200, 404),
    "no-role": (200, 200, 404, 404),
    "anonymous": (200, 200, 302, 302),
    "admin": (200, 200, 200, 200),
}


@pytest.mark.parametrize(
    ("role", "file", "expected"),
    [
        (role, file, status)
        for role, row in TABLE.items()
        for file, status in zip(FILES, row, strict=True)
    ],
)
def test_who_may_download_which_file(world, role, file, expected):
    client = Client() if role == "anonymous" else client_for(user_for(role, world))
    stored, content = world.files[file]

    response = client.get(stored.url)

    assert response.status_code == expected
    body = response.content
    if expected == 200:
        assert body == content
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    else:
        assert content not in body
    if expected == 302:
        assert response["Location"].startswith(f"{LOGIN}?next=")


def test_a_link_names_the_record_and_field_not_a_path_under_media(world):
    stored, _ = world.files["legal basis"]
    assert stored.url == f"/bestanden/partnerships/legalbasis/{stored.instance.pk}/document/"
    assert stored.name.startswith("legal_basis/")


def test_pdf_is_shown_inline_and_an_office_document_downloaded(world):
    client = client_for(factories.user_with_role(RoleKind.COUNCIL, world.enschede))

    pdf = client.get(world.files["legal basis"][0].url)
    docx = client.get(world.files["cycle document"][0].url)

    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'inline; filename="regeling.pdf"'
    assert docx["Content-Type"] == files.KINDS["docx"].content_type
    assert docx["Content-Disposition"] == 'attachment; filename="ontwerpbegroting.docx"'


@pytest.fixture
def nginx(settings):
    settings.SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    settings.SENDFILE_URL = "/protected/"
    sendfile_utils._get_sendfile.cache_clear()
    yield
    sendfile_utils._get_sendfile.cache_clear()


def test_behind_nginx_the_view_checks_and_the_proxy_sends_the_bytes(world, nginx):
    stored, content = world.files["Enschede's own evaluation"]
    allowed = client_for(factories.user_with_role(RoleKind.FINANCE, world.enschede))
    refused = client_for(factories.user_with_role(RoleKind.GRIFFIE, world.almelo))

    response = allowed.get(stored.url)

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected/{stored.name}"
    assert response["Content-Disposition"] == 'inline; filename="rekenkamer-enschede.pdf"'
    assert content not in response.content
    assert refused.get(stored.url).status_code == 404


def test_an_html_file_stored_before_the_checks_is_downloaded_never_rendered(world):
    legal_basis = factories.LegalBasisFactory(
        party=world.party,
        document=ContentFile(b"<script>alert(document.cookie)</script>", name="oud.html"),
    )
    client = client_for(factories.user_with_role(RoleKind.GRIFFIE, world.almelo))

    response = client.get(legal_basis.document.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_pdf_whose_content_is_no_pdf_is_not_shown_inline(world):
    legal_basis = factories.LegalBasisFactory(
        party=world.party, document=ContentFile(b"<html>nep</html>", name="nep.pdf")
    )
    client = client_for(factories.admin_user())

    response = client.get(legal_basis.document.url)

    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize(
    "path",
    [
        "/bestanden/partnerships/legalbasis/{pk}/title/",  # not a file field
        "/bestanden/partnerships/legalbasis/999999/document/",  # no such record
        "/bestanden/partnerships/nosuchmodel/{pk}/document/",
        "/bestanden/nosuchapp/legalbasis/{pk}/document/",
        "/bestanden/registry/role/{pk}/document/",
        "/bestanden/auth/user/{pk}/password/",
    ],
)
def test_anything_but_a_protected_file_field_of_an_existing_record_is_404(world, path):
    pk = world.files["legal basis"][0].instance.pk
    response = client_for(factories.admin_user()).get(path.format(pk=pk))
    assert response.status_code == 404


def test_a_record_without_a_file_or_whose_file_is_gone_is_404(world):
    admin_client = client_for(factories.admin_user())
    empty = factories.LegalBasisFactory(party=world.party)
    gone = factories.LegalBasisFactory(party=world.party, document=ContentFile(PDF, name="weg.pdf"))
    gone.document.storage.delete(gone.document.name)

    url = reverse("protected_file", args=["partnerships", "legalbasis", empty.pk, "document"])
    assert admin_client.get(url).status_code == 404
    assert admin_client.get(gone.document.url).status_code == 404


def test_the_admin_links_to_the_checked_view(world):
    stored, _ = world.files["legal basis"]
    url = reverse("admin:partnerships_legalbasis_change", args=[stored.instance.pk])
    for role in (RoleKind.GRIFFIE, RoleKind.COUNCIL):  # a form and a read-only page
        page = client_for(factories.user_with_role(role, world.enschede)).get(url)
        html = page.content.decode()
        assert page.status_code == 200
        assert f'href="{stored.url}"' in html
        assert "/media/" not in html


def test_nothing_under_media_is_served_even_with_debug_on(world, settings):
    stored, content = world.files["Enschede's own evaluation"]
    settings.DEBUG = True
    importlib.reload(registry.urls)
    clear_url_caches()
    try:
        with pytest.raises(Resolver404):
            resolve(f"/media/{stored.name}")
        response = Client().get(f"/media/{stored.name}")
        assert response.status_code == 404
        assert content not in response.content
    finally:
        settings.DEBUG = False
        importlib.reload(registry.urls)
        clear_url_caches()


def test_media_root_lies_outside_what_whitenoise_serves():
    media, static = registry.settings.MEDIA_ROOT.resolve(), registry.settings.STATIC_ROOT.resolve()
    assert not media.is_relative_to(static)
    assert registry.settings.SENDFILE_ROOT == registry.settings.MEDIA_ROOT


# Uploads: through the admin, as the griffie of a participant.


def post_legal_basis(world, upload):
    client = client_for(factories.user_with_role(RoleKind.GRIFFIE, world.enschede))
    return client.post(
        reverse("admin:partnerships_legalbasis_add"),
        {
            "party": world.party.pk,
            "kind": LegalDocumentKind.REGELING,
            "title": "Eerste wijziging",
            "exit_cost_method": ExitCostMethod.NOT_SET,
            "document": upload,
        },
    )


def errors_of(response) -> list[str]:
    return response.context["adminform"].form.errors.get("document", [])


DOCUMENT_KINDS = (
    "Alleen PDF, Word (.docx), OpenDocument-tekst (.odt), Excel (.xlsx) en "
    "OpenDocument-rekenblad (.ods) zijn toegestaan."
)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("regeling.html", b"<html><script>alert(1)</script></html>", DOCUMENT_KINDS),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', DOCUMENT_KINDS),
        ("regeling.exe", b"MZ\x90\x00", DOCUMENT_KINDS),
        (
            "regeling.pdf",
            b"<html><script>alert(1)</script></html>",
            "De inhoud van dit bestand is geen PDF, al eindigt de naam op .pdf. Sla het "
            "opnieuw op als PDF en probeer het nog eens.",
        ),
        (
            "regeling.docx",
            b"%PDF-1.7\n",
            "De inhoud van dit bestand is geen Word (.docx), al eindigt de naam op .docx. Sla "
            "het opnieuw op als Word (.docx) en probeer het nog eens.",
        ),
    ],
)
def test_a_file_of_another_kind_is_refused_with_a_dutch_message(world, name, content, message):
    response = post_legal_basis(world, SimpleUploadedFile(name, content))

    assert response.status_code == 200
    assert errors_of(response) == [message]
    assert not LegalBasis.objects.filter(title="Eerste wijziging").exists()


def test_a_file_above_the_limit_is_refused(world, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    response = post_legal_basis(
        world, SimpleUploadedFile("regeling.pdf", PDF + b" " * (3 * 1024 + 512 - len(PDF)))
    )
    assert errors_of(response) == ["Het bestand is 3,5 kB; de grens is 1 kB."]


def test_an_accepted_upload_is_stored_and_served_through_the_view(world):
    response = post_legal_basis(world, SimpleUploadedFile("wijziging.pdf", PDF))

    assert response.status_code == 302
    stored = LegalBasis.objects.get(title="Eerste wijziging").document
    download = client_for(factories.user_with_role(RoleKind.GRIFFIE, world.utrecht)).get(stored.url)
    assert download.content == PDF


def test_the_form_says_what_is_allowed(world):
    client = client_for(factories.user_with_role(RoleKind.GRIFFIE, world.enschede))
    page = client.get(reverse("admin:partnerships_legalbasis_add")).content.decode()
    assert 'accept=".pdf,.docx,.odt,.xlsx,.ods"' in page
    assert "Toegestaan: PDF, Word (.docx)" in page
    assert "hoogstens 25 MB." in page


def test_evaluation_reports_take_presentations_but_not_spreadsheets(world):
    field = Evaluation._meta.get_field("report")
    evaluation = Evaluation(party=world.party, title="Nieuw", performer=Performer.EXTERNAL)

    evaluation.report = ContentFile(DOCX, name="presentatie.pptx")
    field.run_validators(evaluation.report)
    evaluation.report = ContentFile(DOCX, name="cijfers.xlsx")
    with pytest.raises(ValidationError) as refused:
        field.run_validators(evaluation.report)
    assert refused.value.messages == [
        "Alleen PDF, Word (.docx), OpenDocument-tekst (.odt) en PowerPoint (.pptx) zijn toegestaan."
    ]


def test_a_file_stored_earlier_is_not_checked_again(world):
    stored, _ = world.files["legal basis"]
    legacy = factories.LegalBasisFactory(
        party=world.party, document=ContentFile(b"<html/>", name="oud.html")
    )
    for record in (stored.instance, legacy):
        record.full_clean()


@pytest.mark.parametrize(
    ("name", "content", "accepted"),
    [
        ("notities.txt", "gewone tekst, met é".encode(), True),
        ("bedragen.csv", b"\xef\xbb\xbfnaam;bedrag\nGGD;12.500\n", True),
        ("pagina.txt", b"  <html><script>alert(1)</script>", False),
        ("pagina.csv", b"\xef\xbb\xbf<svg onload=alert(1)>", False),
        ("binair.txt", b"tekst" + b"\x00" * 5, False),
        ("late-nul.csv", b"a;b\n" * 1000 + b"\x00", False),
        ("foto.png", b"\x89PNG\r\n\x1a\n\x00\x00", True),
        ("foto.png", b"GIF89a", False),
        ("foto.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", True),
        ("foto.jpeg", b"<svg/>", False),
        ("blad.ods", b"PK\x03\x04rest", True),
        ("REGELING.PDF", PDF, True),
    ],
)
def test_content_must_match_the_extension(name, content, accepted):
    upload = ContentFile(content, name=name)
    kinds = tuple(files.KINDS)
    if accepted:
        files.check_upload(name, upload, kinds, max_bytes=10**6)
    else:
        with pytest.raises(ValidationError, match="De inhoud van dit bestand is geen"):
            files.check_upload(name, upload, kinds, max_bytes=10**6)


def test_size_message_in_dutch_megabytes():
    upload = types.SimpleNamespace(size=32_715_571)
    with pytest.raises(ValidationError) as refused:
        files.check_upload("rapport.pdf", upload, files.REPORTS, max_bytes=25 * 1024 * 1024)
    assert refused.value.messages == ["Het bestand is 31,2 MB; de grens is 25 MB."]
    assert formatting.file_size(800) == "800 bytes"


def test_a_field_names_only_known_kinds():
    with pytest.raises(ValueError, match="svg"):
        files.ProtectedFileField(kinds=("pdf", "svg"))
