import django.core.validators
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def assignments_at_current_version(apps, schema_editor):
    # Existing athletes are taken to hold their programme's current version: what was
    # pushed before cannot be told apart from what was not.
    Assignment = apps.get_model("coaching", "Assignment")
    Programme = apps.get_model("coaching", "Programme")
    Assignment.objects.filter(programme__isnull=False).update(
        programme_version=Subquery(
            Programme.objects.filter(pk=OuterRef("programme_id")).values("version")[:1]
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("coaching", "0004_comments_and_news"),
    ]

    operations = [
        # The day a session was done, apart from the scheduled session's planned date.
        migrations.RenameField(model_name="sessionlog", old_name="date", new_name="done_on"),
        migrations.AlterField(
            model_name="sessionlog",
            name="done_on",
            field=models.DateField(verbose_name="done on"),
        ),
        migrations.AlterModelOptions(
            name="sessionlog",
            options={
                "ordering": ["-done_on", "-pk"],
                "verbose_name": "session log",
                "verbose_name_plural": "session logs",
            },
        ),
        migrations.RemoveIndex(model_name="sessionlog", name="coaching_se_athlete_2e720c_idx"),
        migrations.AddIndex(
            model_name="sessionlog",
            index=models.Index(fields=["athlete", "done_on"], name="coaching_se_athlete_da04c7_idx"),
        ),
        migrations.AlterField(
            model_name="setlog",
            name="load_kg",
            field=models.DecimalField(
                blank=True,
                decimal_places=4,
                max_digits=9,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(0),
                    django.core.validators.MaxValueValidator(1000),
                ],
                verbose_name="load (kg)",
            ),
        ),
        migrations.AddField(
            model_name="assignment",
            name="programme_version",
            field=models.PositiveIntegerField(
                default=1,
                help_text="The programme's version this athlete's sessions were made from.",
            ),
        ),
        migrations.RunPython(assignments_at_current_version, migrations.RunPython.noop),
    ]
