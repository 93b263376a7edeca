"""Municipality, Organization, Membership, AuditEntry and Job moved to core with their tables (state only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('documents', '0002_platform_models_moved_to_core'),
        ('mentoring', '0004_job_for_any_tenant'),
        ('monitoring', '0003_organization_moved_to_core'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # The tables stay as they are: only the models' app changed.
            state_operations=[
                migrations.RemoveField(
                    model_name='job',
                    name='municipality',
                ),
                migrations.RemoveField(
                    model_name='job',
                    name='organization',
                ),
                migrations.RemoveField(
                    model_name='job',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='membership',
                    name='granted_by',
                ),
                migrations.RemoveField(
                    model_name='membership',
                    name='municipality',
                ),
                migrations.RemoveField(
                    model_name='membership',
                    name='organization',
                ),
                migrations.RemoveField(
                    model_name='membership',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='organization',
                    name='municipality',
                ),
                migrations.AlterField(
                    model_name='planitem',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization'),
                ),
                migrations.AlterField(
                    model_name='mentoringform',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization'),
                ),
                migrations.AlterField(
                    model_name='tag',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization'),
                ),
                migrations.AlterField(
                    model_name='pair',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization'),
                ),
                migrations.AlterField(
                    model_name='stageactivity',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization'),
                ),
                migrations.AlterField(
                    model_name='meeting',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization'),
                ),
                migrations.AlterField(
                    model_name='bestpractice',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization'),
                ),
                migrations.AlterField(
                    model_name='rewardnomination',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization'),
                ),
                migrations.AlterField(
                    model_name='stage',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization'),
                ),
                migrations.AlterField(
                    model_name='programme',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization'),
                ),
                migrations.AlterField(
                    model_name='mentee',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization'),
                ),
                migrations.AlterField(
                    model_name='mentor',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization'),
                ),
                migrations.AlterField(
                    model_name='programmementor',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization'),
                ),
                migrations.AlterField(
                    model_name='consent',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization'),
                ),
                migrations.AlterField(
                    model_name='pairmember',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization'),
                ),
                migrations.AlterField(
                    model_name='subprogramme',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization'),
                ),
                migrations.AlterField(
                    model_name='trainingsession',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization'),
                ),
                migrations.AlterField(
                    model_name='partnerorganization',
                    name='organization',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization'),
                ),
                migrations.DeleteModel(
                    name='AuditEntry',
                ),
                migrations.DeleteModel(
                    name='Job',
                ),
                migrations.DeleteModel(
                    name='Membership',
                ),
                migrations.DeleteModel(
                    name='Municipality',
                ),
                migrations.DeleteModel(
                    name='Organization',
                ),
            ],
        ),
    ]
