from django.db import migrations


def seed(apps, schema_editor):
    """The teachers' system's indicators (teachers who mentor, young teachers retained after one and three
    years); the shipped ones are updated in place."""
    from monitoring.catalogue import install_indicators

    install_indicators(apps.get_model("monitoring", "Indicator"), apps.get_model("monitoring", "IndicatorPlan"))


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0003_organization_moved_to_core")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
