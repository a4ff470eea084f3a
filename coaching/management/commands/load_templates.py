from django.core.management.base import BaseCommand

from coaching.services import programme_templates_load_bundled


class Command(BaseCommand):
    help = (
        "Create the curated programme templates (run load_library first). Safe to repeat: "
        "existing templates are never changed."
    )

    def handle(self, *args, **options):
        created = programme_templates_load_bundled()
        self.stdout.write(
            self.style.SUCCESS(f"Programme templates: {len(created)} created.")
            + (f" ({', '.join(created)})" if created else "")
        )
