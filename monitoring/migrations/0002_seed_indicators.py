"""The shipped target indicators and their plans by year (monitoring.catalogue.INDICATORS)."""

from django.db import migrations


def seed(apps, schema_editor):
    from monitoring.catalogue import install_indicators

    install_indicators(apps.get_model("monitoring", "Indicator"), apps.get_model("monitoring", "IndicatorPlan"))


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
