from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from coaching.demo import (
    DEMO_PASSWORD,
    DEMO_ROSTER,
    demo_data_load,
    demo_solo_training_load,
    demo_training_load,
)


class Command(BaseCommand):
    help = "Create the demo accounts (idempotent) and print their logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load demo accounts even with DEBUG off (for a staging server).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError(
                "Demo accounts have a published password; refusing with DEBUG off. "
                "Pass --allow-production for a staging server."
            )
        logins = demo_data_load()
        if demo_training_load():
            self.stdout.write("Demo training: Riley has three weeks of logged sessions.")
        if demo_solo_training_load():
            self.stdout.write("Demo training: Sam plans their own programme, two sessions logged.")
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password for all: {DEMO_PASSWORD})"))
        for login in logins:
            self.stdout.write(f"  {login.email:<24} {login.role}")
        others = [email for email, *_ in DEMO_ROSTER if email not in {x.email for x in logins}]
        self.stdout.write("  Casey's other athletes, same password: " + ", ".join(others))
