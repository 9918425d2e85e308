"""Reminder e-mails: per user, one message listing what is due within `days` or overdue for
the organisations it is responsible for. Each (user, item, reason) is sent once: a reminder
"binnenkort" before the deadline and one "te laat" after it; a moved deadline is a new item.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _

from evaluations.agenda.items import AgendaItem, agenda_for
from evaluations.agenda.models import ReminderSent
from registry.models import Organisation, Role, RoleKind

UPCOMING, OVERDUE = "upcoming", "overdue"


@dataclass(frozen=True)
class Outcome:
    messages: int
    items: int
    without_address: int


def _griffie_by_organisation() -> dict[int, set[int]]:
    griffie = defaultdict(set)
    for user_id, organisation_id in Role.objects.filter(
        kind=RoleKind.GRIFFIE, user__is_active=True
    ).values_list("user_id", "organisation_id"):
        griffie[organisation_id].add(user_id)
    return griffie


def _due(today: datetime.date, days: int) -> dict[int, list[tuple[AgendaItem, str]]]:
    """Per user: the items to remind of, with the reason, not yet sent."""
    griffie = _griffie_by_organisation()
    wanted: dict[int, dict[str, tuple[AgendaItem, str]]] = defaultdict(dict)
    for organisation in Organisation.objects.filter(pk__in=griffie):
        for item in agenda_for(organisation.pk, today, days):
            reason = OVERDUE if item.overdue else UPCOMING
            for user_id in item.owners or griffie[organisation.pk]:
                wanted[user_id][item.key] = (item, reason)
    sent = set(
        ReminderSent.objects.filter(user_id__in=wanted).values_list("user_id", "item", "reason")
    )
    return {
        user_id: [
            (item, reason)
            for key, (item, reason) in sorted(items.items(), key=lambda kv: kv[1][0].due)
            if (user_id, key, reason) not in sent
        ]
        for user_id, items in wanted.items()
    }


def _body(user, reminders: list[tuple[AgendaItem, str]]) -> str:
    lines = [_("Beste %(name)s,") % {"name": user.get_full_name() or user.username}, ""]
    lines.append(_("In het register verbonden partijen staat het volgende voor u klaar:"))
    for item, reason in reminders:
        state = _("TE LAAT") if reason == OVERDUE else _("binnenkort")
        lines += [
            "",
            f"- [{state}] {item.kind}: {item.title}",
            "  " + _("uiterlijk %(due)s") % {"due": item.due_label},
            f"  {settings.SITE_URL}{item.url}",
        ]
    lines += ["", _("Deze herinnering komt één keer per termijn.")]
    return "\n".join(lines)


def send_reminders(today: datetime.date, days: int) -> Outcome:
    due = _due(today, days)
    users = get_user_model().objects.in_bulk(list(due))
    messages = items = without_address = 0
    for user_id, reminders in due.items():
        user = users[user_id]
        if not reminders:
            continue
        if not user.email:
            without_address += 1
            continue
        overdue = sum(1 for _item, reason in reminders if reason == OVERDUE)
        subject = _("Register verbonden partijen: %(count)d termijnen (%(late)d te laat)") % {
            "count": len(reminders),
            "late": overdue,
        }
        with transaction.atomic():  # recorded only when the mail went out
            ReminderSent.objects.bulk_create(
                ReminderSent(user_id=user_id, item=item.key, reason=reason)
                for item, reason in reminders
            )
            send_mail(subject, _body(user, reminders), None, [user.email])
        messages += 1
        items += len(reminders)
    return Outcome(messages, items, without_address)
