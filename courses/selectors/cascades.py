"""The cascade of a training-of-trainers workshop: who went on to train, and whom they reached.

The ministry's reading (docs/programmes.md): the master workshop's participants who completed it
are its graduates; a workshop of the same course family (the trainer course and the course it
qualifies trainers of) that one of them leads or co-trains, starting on or after the day they
completed, is downstream; its completers who train later workshops take the cascade further.
Everyone on a downstream roster is reached, counted once however many workshops they attended,
in the governorate where they work. Only workshops the viewer may see are counted; the walk goes
through the others so that a branch in scope behind one out of scope is still found.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, When
from django.utils import timezone

from courses.models import Completion, Enrolment, TrainerRole, Workshop, WorkshopTrainer
from workforce.models import Governorate, HealthWorker

TRAINING_TRAINER_ROLES = (TrainerRole.LEAD, TrainerRole.CO_TRAINER)
MAX_LEVELS = 12  # a cascade is a few levels deep; the cap stops a cycle of bad data


def workshop_trainers(*, workshop: Workshop) -> list[WorkshopTrainer]:
    """The workshop's trainers, lead first; the lead carries its qualification or its waiver."""
    from courses.services.trainers import lead_qualification, needs_qualified_lead

    rows = list(
        workshop.trainer_roles.select_related("user").order_by(
            Case(
                When(role=TrainerRole.LEAD, then=0),
                When(role=TrainerRole.CO_TRAINER, then=1),
                default=2,
            ),
            "added_at",
        )
    )
    checked = needs_qualified_lead(workshop.course)
    for row in rows:
        row.checked = checked and row.role == TrainerRole.LEAD
        if row.checked:
            row.qualification = lead_qualification(
                trainer=row.user, course=workshop.course, on=workshop.starts_on
            )
            row.waiver = (
                workshop.lead_waivers.filter(trainer=row.user).select_related("granted_by").first()
            )
    return rows


def cascade_masters(*, user):
    """Workshops of trainer courses the user may see: the masters a cascade starts from."""
    return (
        Workshop.objects.visible_to(user)
        .filter(course__trainer_course_of__isnull=False)
        .select_related("course", "venue__governorate")
        .order_by("-starts_on")
    )


@dataclass
class DownstreamWorkshop:
    workshop: Workshop
    level: int
    trainers: list[tuple[HealthWorker, str]]  # the cascade's trainers in it, with their role
    reached: int = 0


@dataclass
class CascadeTrainer:
    """A graduate of the master workshop and the workshops they went on to train."""

    health_worker: HealthWorker
    qualified_until: datetime.date | None
    is_qualified: bool
    has_qualification: bool  # false: none recorded (e.g. completed before it was a trainer course)
    workshops: list[DownstreamWorkshop] = field(default_factory=list)


@dataclass
class GovernorateReach:
    governorate: Governorate
    people: int
    share: int  # percent of the largest governorate, for the bar


@dataclass
class Cascade:
    master: Workshop
    graduates: list[CascadeTrainer]
    workshops: list[DownstreamWorkshop]
    governorates: list[GovernorateReach]
    reached: int
    completed: int
    levels: int
    partial: bool  # some downstream workshops are outside the viewer's scope

    @property
    def trainers_who_trained(self) -> int:
        return sum(1 for graduate in self.graduates if graduate.workshops)


def _family(master: Workshop) -> set[str]:
    """The translation keys of the master's course and the course it qualifies trainers of."""
    course = master.course
    keys = {course.translation_key}
    if course.trainer_course_of_id:
        keys.add(course.trainer_course_of.translation_key)
    return keys


def _downstream(master: Workshop) -> dict[int, tuple[int, list[tuple[int, str]]]]:
    """Workshop id → (level, [(health worker id, role)]) of every workshop below the master."""
    family = _family(master)
    found: dict[int, tuple[int, list[tuple[int, str]]]] = {}
    seen_people: set[int] = set()
    frontier = {master.pk}
    for level in range(1, MAX_LEVELS + 1):
        completers = dict(
            Completion.objects.filter(workshop__in=frontier, is_complete=True)
            .exclude(health_worker__in=seen_people)
            .values_list("health_worker_id", "completed_on")
        )
        seen_people |= set(completers)
        accounts = dict(
            HealthWorker.objects.filter(pk__in=completers, user__isnull=False).values_list(
                "user_id", "pk"
            )
        )
        rows = WorkshopTrainer.objects.filter(
            user__in=accounts,
            role__in=TRAINING_TRAINER_ROLES,
            workshop__course__translation_key__in=family,
        ).exclude(workshop__in=[master.pk, *found])
        frontier = set()
        for workshop_id, user_id, role, starts_on in rows.values_list(
            "workshop_id", "user_id", "role", "workshop__starts_on"
        ):
            person = accounts[user_id]
            if starts_on < completers[person]:
                continue  # trained before they completed: not part of this cascade
            found.setdefault(workshop_id, (level, []))[1].append((person, role))
            frontier.add(workshop_id)
        if not frontier:
            break
    return found


def cascade_for(*, master: Workshop, user) -> Cascade:
    """The cascade below a master workshop, counted over the workshops the user may see."""
    found = _downstream(master)
    visible = set(
        Workshop.objects.visible_to(user).filter(pk__in=found).values_list("pk", flat=True)
    )
    workshops = {
        workshop.pk: workshop
        for workshop in Workshop.objects.filter(pk__in=visible).select_related(
            "course", "venue__governorate"
        )
    }
    on_rosters = Enrolment.objects.filter(workshop__in=visible, status=Enrolment.Status.ENROLLED)
    per_workshop = defaultdict(set)
    for workshop_id, person in on_rosters.values_list("workshop_id", "health_worker_id"):
        per_workshop[workshop_id].add(person)
    people = set().union(*per_workshop.values()) if per_workshop else set()
    workers = HealthWorker.objects.in_bulk(
        {person for _level, trainers in found.values() for person, _role in trainers}
    )
    downstream = sorted(
        (
            DownstreamWorkshop(
                workshop=workshops[pk],
                level=found[pk][0],
                trainers=[(workers[person], role) for person, role in found[pk][1]],
                reached=len(per_workshop[pk]),
            )
            for pk in visible
        ),
        key=lambda item: (item.level, item.workshop.starts_on, item.workshop.pk),
    )
    return Cascade(
        master=master,
        graduates=_graduates(master, downstream),
        workshops=downstream,
        governorates=_by_governorate(people),
        reached=len(people),
        completed=Completion.objects.filter(
            workshop__in=visible, is_complete=True, health_worker__in=people
        )
        .values("health_worker")
        .distinct()
        .count(),
        levels=max((item.level for item in downstream), default=0),
        partial=len(visible) < len(found),
    )


def _graduates(master: Workshop, downstream: list[DownstreamWorkshop]) -> list[CascadeTrainer]:
    completions = (
        Completion.objects.filter(workshop=master, is_complete=True)
        .select_related("health_worker", "trainer_qualification")
        .order_by("health_worker__name_latin", "health_worker__name_ar")
    )
    today = timezone.localdate()
    graduates = []
    for completion in completions:
        qualification = getattr(completion, "trainer_qualification", None)
        trained = [
            item
            for item in downstream
            if item.level == 1
            and any(w.pk == completion.health_worker_id for w, _r in item.trainers)
        ]
        graduates.append(
            CascadeTrainer(
                health_worker=completion.health_worker,
                qualified_until=qualification.valid_until if qualification else None,
                is_qualified=bool(
                    qualification
                    and (qualification.valid_until is None or qualification.valid_until >= today)
                ),
                has_qualification=qualification is not None,
                workshops=trained,
            )
        )
    return graduates


def _by_governorate(people: set[int]) -> list[GovernorateReach]:
    counts: dict[int, int] = defaultdict(int)
    for governorate_id in HealthWorker.objects.filter(pk__in=people).values_list(
        "facility__governorate", flat=True
    ):
        counts[governorate_id] += 1
    places = Governorate.objects.in_bulk(counts)
    largest = max(counts.values(), default=0)
    rows = [
        GovernorateReach(places[pk], count, round(100 * count / largest))
        for pk, count in counts.items()
    ]
    return sorted(rows, key=lambda row: (-row.people, row.governorate.code))


def cascade_rows(cascade: Cascade) -> list[list]:
    """The cascade as sheet rows: one per downstream workshop, then the governorates' totals."""
    from django.utils.translation import gettext as _

    rows = [
        [
            _("Level"),
            _("Course code"),
            _("Venue"),
            _("Governorate"),
            _("First day"),
            _("Trainers"),
            _("People reached"),
        ]
    ]
    for item in cascade.workshops:
        workshop = item.workshop
        rows.append(
            [
                item.level,
                workshop.course.code,
                str(workshop.venue),
                str(workshop.venue.governorate),
                workshop.starts_on,
                "; ".join(
                    f"{worker} ({TrainerRole(role).label})" for worker, role in item.trainers
                ),
                item.reached,
            ]
        )
    rows.append([])
    rows.append([_("Governorate"), _("People reached")])
    rows.extend([str(row.governorate), row.people] for row in cascade.governorates)
    rows.append([_("Total (each person once)"), cascade.reached])
    return rows
