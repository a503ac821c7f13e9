"""The demo's training-of-trainers cascade reaches three governorates, two levels deep."""

import random

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse

from courses.models import LeadTrainerWaiver, QualifiedTrainer, Workshop
from courses.selectors import cascade_for
from demo.build import DEMO_SEED, STEPS
from demo.cascades import seed_cascade

pytestmark = pytest.mark.django_db


def test_the_demo_cascade_shows_graduates_training_in_three_governorates(client):
    rng, report = random.Random(DEMO_SEED), {"logins": []}
    for _label, step in STEPS[:6]:  # registry, users, courses and workshops
        step(rng=rng, report=report)
    seed_cascade(rng=rng, report=report)
    master = Workshop.objects.get(pk=report["cascade_master"])
    admin = get_user_model().objects.get(username="administrator.national")
    cascade = cascade_for(master=master, user=admin)
    places = {item.workshop.venue.governorate.code for item in cascade.workshops}
    assert places == {"BGD", "ERB", "BAS"}
    assert cascade.levels == 2
    assert cascade.trainers_who_trained == 3
    assert QualifiedTrainer.objects.filter(course__code="OXY-101").count() == 12 + 5
    assert LeadTrainerWaiver.objects.filter(trainer__username="trainer.kirkuk").exists()
    client.force_login(admin)
    page = client.get("/ckb" + reverse("courses:cascade_report", args=[master.pk]))
    assert page.status_code == 200
    client.force_login(get_user_model().objects.get(username="trainer.basra"))
    page = client.get("/ckb" + reverse("courses:cascade_report", args=[master.pk]))
    assert page.status_code == 404  # the Baghdad master is outside a Basra trainer's scope
