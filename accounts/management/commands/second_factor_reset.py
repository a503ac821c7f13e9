from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.second_factor import second_factor_remove


class Command(BaseCommand):
    help = (
        "Remove a login's authenticator and recovery codes (the owner lost both); a role that "
        "needs two-step login sets it up again at the next login."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No login named {username}.")
        second_factor_remove(user=user)
        self.stdout.write(f"Two-step login removed for {username}; check who asked before reuse.")
