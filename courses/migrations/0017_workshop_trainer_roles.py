"""Workshop trainers get a role: the plain many-to-many becomes `WorkshopTrainer`, same table.

The rows are kept where they are (the through model takes over `courses_workshop_trainers`); each
workshop's trainer who scheduled it, or else its first trainer, becomes the lead trainer, and any
other trainer from before roles becomes a co-trainer.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def trainers_become_lead(apps, schema_editor):
    WorkshopTrainer = apps.get_model("courses", "WorkshopTrainer")
    Workshop = apps.get_model("courses", "Workshop")
    for workshop in Workshop.objects.filter(trainer_roles__isnull=False).distinct().iterator():
        rows = WorkshopTrainer.objects.filter(workshop=workshop).order_by("pk")
        lead = rows.filter(user_id=workshop.created_by_id).first() or rows.first()
        rows.filter(pk=lead.pk).update(role="lead")


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0016_course_validity_and_completion_valid_until"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="WorkshopTrainer",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("workshop", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="trainer_roles", to="courses.workshop")),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="trainer_roles", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "db_table": "courses_workshop_trainers",
                        "verbose_name": "workshop trainer",
                        "verbose_name_plural": "workshop trainers",
                        "unique_together": {("workshop", "user")},
                    },
                ),
                migrations.AlterField(
                    model_name="workshop",
                    name="trainers",
                    field=models.ManyToManyField(blank=True, related_name="workshops_trained", through="courses.WorkshopTrainer", through_fields=("workshop", "user"), to=settings.AUTH_USER_MODEL, verbose_name="trainers"),
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name="workshoptrainer",
            name="role",
            field=models.CharField(choices=[("lead", "Lead trainer"), ("co_trainer", "Co-trainer"), ("facilitator", "Facilitator")], default="co_trainer", max_length=12, verbose_name="role"),
        ),
        migrations.AddField(
            model_name="workshoptrainer",
            name="added_by",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name="workshoptrainer",
            name="added_at",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="added at"),
        ),
        migrations.RunPython(trainers_become_lead, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="workshoptrainer",
            constraint=models.UniqueConstraint(condition=models.Q(("role", "lead")), fields=("workshop",), name="one_lead_trainer_per_workshop"),
        ),
    ]
