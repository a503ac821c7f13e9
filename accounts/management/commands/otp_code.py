from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.second_factor import authenticator_code


class Command(BaseCommand):
    help = (
        "Development only (DEBUG): print the code a login's authenticator app would show now, so "
        "the demo's staff logins can be used without a phone."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        # With DEBUG off this would turn shell access into every account's second factor.
        if not settings.DEBUG:
            raise CommandError("otp_code works only with DEBUG on (development settings).")
        device = TOTPDevice.objects.filter(user__username=username, confirmed=True).first()
        if device is None:
            raise CommandError(f"{username} has no authenticator.")
        self.stdout.write(authenticator_code(device=device))
