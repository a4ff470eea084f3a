from django.core.management.base import BaseCommand

from library.services import library_load_bundled


class Command(BaseCommand):
    help = (
        "Load the exercise library written from the source articles. Safe to repeat: it "
        "creates what is missing and never overwrites what a curator edited in the admin."
    )

    def handle(self, *args, **options):
        report = library_load_bundled()
        self.stdout.write(self.style.SUCCESS(f"Library loaded: {report}."))
        if report.kept_curated:
            self.stdout.write("Kept as curated: " + ", ".join(report.kept_curated))
