"""What reminders went out, so that running send_reminders again sends nothing twice."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReminderSent(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    item = models.CharField(_("onderwerp"), max_length=120)  # e.g. "zienswijze:12:2026-06-24"
    reason = models.CharField(_("reden"), max_length=20)  # "upcoming" or "overdue"
    sent_at = models.DateTimeField(_("verzonden"), auto_now_add=True)

    class Meta:
        verbose_name = _("verzonden herinnering")
        verbose_name_plural = _("verzonden herinneringen")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "item", "reason"], name="one_reminder_per_item_and_reason"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.item} ({self.reason})"
