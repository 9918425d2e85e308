"""The current code of a demo account's app (development only, see registry/signin/demo.py)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from registry.signin.demo import current_code


class Command(BaseCommand):
    help = "Toont de huidige code van de tweede stap van een demogebruiker (alleen ontwikkeling)."

    def add_arguments(self, parser):
        parser.add_argument("username", help="bijvoorbeeld beheerder of toezicht.overijssel")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        try:
            if user is None:
                raise LookupError(username)
            self.stdout.write(current_code(user))
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from None
        except LookupError:
            raise CommandError(
                f"{username} heeft geen demo-app; laad de demodata met DJANGO_DEBUG=1."
            ) from None
