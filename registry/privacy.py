"""The personal data the registry keeps (issue 17, point 7; README "Security", "Personal
data"): one declaration that the page /privacy/ shows and a test holds against the models
(tests/registry/test_privacy.py fails when a model gains a field that looks like a person's
name, e-mail, address or account without an entry here).

The lawful basis for all of it: AVG art. 6 lid 1 sub e (a task in the public interest): the
council's control of what the municipality does in a joint arrangement (Gemeentewet art.
169, 180; Wgr art. 35, 39 on informing the council; BBV art. 15 on the paragraph verbonden
partijen). The registry does not know the municipality's own processing register: the
municipality confirms the basis and the retention when it enters this list there."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class PersonalData:
    what: str
    fields: tuple[str, ...]  # "app_label.Model.field"
    purpose: str
    who_sees: str
    kept: str


LAWFUL_BASIS = _(
    "AVG artikel 6 lid 1 sub e: de uitvoering van een taak van algemeen belang, de controle "
    "door de raad op verbonden partijen (Gemeentewet artikel 169 en 180, Wet gemeenschappelijke "
    "regelingen, BBV artikel 15). De gemeente bevestigt dit in haar eigen verwerkingsregister."
)

PERSONAL_DATA = (
    PersonalData(
        what=_("Accounts: gebruikersnaam, voor- en achternaam, e-mailadres"),
        fields=(
            "auth.User.username",
            "auth.User.first_name",
            "auth.User.last_name",
            "auth.User.email",
            "registry.Role.user",
        ),
        purpose=_("Inloggen, de rol per organisatie, herinneringen per e-mail."),
        who_sees=_("De gebruiker zelf en beheerders."),
        kept=_(
            "Zolang het account bestaat; een beheerder schakelt het uit of verwijdert het "
            "bij vertrek."
        ),
    ),
    PersonalData(
        what=_("Namen van wie een zetel heeft in een orgaan (algemeen bestuur, dagelijks bestuur)"),
        fields=("partnerships.Seat.person_name",),
        purpose=_(
            "Wie namens de gemeente in het bestuur van een samenwerkingsverband zit: "
            "openbare informatie over bestuurders (Wgr artikel 13, 14)."
        ),
        who_sees=_(
            "Iedereen, op de openbare pagina's, als de gemeente het samenwerkingsverband "
            "publiceert; anders wie het register van de gemeente leest."
        ),
        kept=_(
            "Zolang de zetel is vastgelegd; de griffie wist de naam wanneer iemand de zetel "
            "niet meer heeft (de geschiedenis van het record bewaart de oude waarde)."
        ),
    ),
    PersonalData(
        what=_("Eigenaren van acties na een evaluatie (account of naam/functie)"),
        fields=("evaluations.FollowUpAction.owner", "evaluations.FollowUpAction.owner_name"),
        purpose=_("Wie een aanbeveling opvolgt en herinneringen krijgt."),
        who_sees=_("Wie de evaluaties van de gemeente leest."),
        kept=_(
            "Zolang de evaluatie bestaat; kies een functie in plaats van een naam waar dat kan."
        ),
    ),
    PersonalData(
        what=_("Uitvoerders en respondenten van evaluaties (naam, hoedanigheid)"),
        fields=("evaluations.Evaluation.performer_name", "evaluations.Respondent.name"),
        purpose=_(
            "Wie een evaluatie uitvoerde; wie een scorekaart invulde (anoniem kan: dan "
            "wordt geen naam vastgelegd)."
        ),
        who_sees=_(
            "Wie de evaluaties van de gemeente bijhoudt; pagina's tonen antwoorden alleen "
            "samengevat."
        ),
        kept=_("Zolang de evaluatie bestaat."),
    ),
    PersonalData(
        what=_(
            "Wie een stap zette in de begrotingscyclus, een zienswijze voorbereidt, een "
            "herinnering kreeg, een import deed of een API-sleutel kreeg of maakte"
        ),
        fields=(
            "cycle.Zienswijze.responsible",
            "cycle.ZienswijzeStep.by",
            "agenda.ReminderSent.user",
            "partnerships.ImportRun.user",
            "registry.APIToken.user",
            "registry.APIToken.created_by",
        ),
        purpose=_("Verantwoording: wie wat deed en wanneer."),
        who_sees=_(
            "Gebruikers van de gemeente met een rol; imports: wie importeerde en beheerders."
        ),
        kept=_(
            "Zolang het record bestaat; het bestand van een import REGISTRY_IMPORT_FILE_"
            "RETENTION_DAYS dagen (standaard 365)."
        ),
    ),
    PersonalData(
        what=_("Wie een taak op de achtergrond startte (een grote import of export)"),
        fields=("registry.BackgroundJob.user",),
        purpose=_("De taak en haar uitkomst alleen aan wie haar startte tonen."),
        who_sees=_("Alleen wie de taak startte."),
        kept=_(
            "REGISTRY_JOB_RETENTION_DAYS dagen na het einde van de taak (standaard 7), met "
            "het bestand van een export."
        ),
    ),
    PersonalData(
        what=_("De geschiedenis van elk record: wie het wijzigde"),
        fields=("*.Historical*.history_user",),
        purpose=_("Verantwoording over wijzigingen in het register."),
        who_sees=_(
            "Wie het record mag lezen; de naam linkt alleen voor beheerders naar het account."
        ),
        kept=_("Zolang het record bestaat."),
    ),
    PersonalData(
        what=_("Het auditlog: gebruikersnaam, IP-adres, wat er gebeurde"),
        fields=(
            "registry.AuditEvent.user",
            "registry.AuditEvent.username",
            "registry.AuditEvent.address",
        ),
        purpose=_("Beveiliging: aanmeldingen, rollen, downloads en imports nagaan (BIO 12.4)."),
        who_sees=_("Alleen beheerders."),
        kept=_(
            "REGISTRY_AUDIT_RETENTION_DAYS dagen (standaard 365), dan verwijderd door "
            "prune_audit_events."
        ),
    ),
)

# Fields that look like a person's but are not (the test reads these too).
NOT_PERSONAL = {
    "registry.Organisation.name": "de naam van een gemeente of provincie",
    "partnerships.Body.name": "de naam van een orgaan",
    "partnerships.Theme.name": "een thema",
    "partnerships.Region.name": "de naam van een regio (een groep gemeenten)",
    "partnerships.Party.name": "de naam van een samenwerkingsverband",
    "partnerships.Party.short_name": "de korte naam van een samenwerkingsverband",
    "partnerships.ImportRun.file_name": "de naam van een bestand",
    "registry.BackgroundJob.file_name": "de naam van het bestand van een export",
    "registry.APIToken.name": "de omschrijving van een API-sleutel (het systeem dat hem gebruikt)",
    "cycle.RuleSet.name": "een set wettelijke termijnen",
    "evaluations.Criterion.name": "een criterium van de scorekaart",
}


def declared_fields() -> set[str]:
    return {field for entry in PERSONAL_DATA for field in entry.fields}
