
import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('athletes', '0002_coachprofile_squad_invitation_athleteprofile_and_more'),
    ]

    operations = [
        migrations.AlterField(
            model_name='athleteprofile',
            name='weekly_km',
            field=models.DecimalField(blank=True, decimal_places=2, help_text="A typical week's running volume.", max_digits=6, null=True, validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(400)], verbose_name='weekly running (km)'),
        ),
    ]
