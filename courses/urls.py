from django.urls import path

from courses.views import attendance, joining, learning, sync, trainer

app_name = "courses"
urlpatterns = [
    path("", learning.my_learning, name="my_learning"),
    path("transcript.pdf", learning.my_transcript, name="my_transcript"),
    path("claims/new/", learning.claim_create, name="claim_create"),
    path("claims/review/", learning.claims_review, name="claims_review"),
    path("claims/<int:pk>/review/", learning.claim_review, name="claim_review"),
    path("claims/<int:pk>/evidence/", learning.claim_evidence, name="claim_evidence"),
    path("check-in/<str:token>/", attendance.check_in, name="check_in"),
    path("workshops/", trainer.my_workshops, name="my_workshops"),
    path("workshops/new/", trainer.workshop_create, name="workshop_create"),
    path("workshops/<int:pk>/", trainer.workshop_detail, name="workshop_detail"),
    path("workshops/<int:pk>/status/", trainer.workshop_status, name="workshop_status"),
    path("workshops/<int:pk>/close/", trainer.workshop_close, name="workshop_close"),
    path("workshops/<int:pk>/evaluate/", trainer.workshop_evaluate, name="workshop_evaluate"),
    path("workshops/<int:pk>/roster/", trainer.roster, name="roster"),
    path("workshops/<int:pk>/roster/add/", trainer.roster_add, name="roster_add"),
    path("workshops/<int:pk>/roster/walk-in/", trainer.roster_walk_in, name="roster_walk_in"),
    path("workshops/<int:pk>/scores/", trainer.scores, name="scores"),
    path(
        "workshops/<int:pk>/template.xlsx",
        attendance.attendance_template,
        name="attendance_template",
    ),
    path("workshops/<int:pk>/import/", attendance.attendance_import, name="attendance_import"),
    path("imports/<int:pk>/", attendance.import_result, name="import_result"),
    path(
        "imports/<int:pk>/beyond-capacity/",
        attendance.import_beyond_capacity,
        name="import_beyond_capacity",
    ),
    path("enrolments/<int:pk>/withdraw/", trainer.enrolment_withdraw, name="enrolment_withdraw"),
    path("completions/<int:pk>/override/", trainer.completion_override, name="completion_override"),
    path("sessions/<int:pk>/", attendance.session_marking, name="session_marking"),
    path("sessions/<int:pk>/edit/", trainer.session_edit, name="session_edit"),
    path("sessions/<int:pk>/mark/", attendance.session_mark, name="session_mark"),
    path("sessions/<int:pk>/sign-in.pdf", attendance.session_sign_in_sheet, name="sign_in_sheet"),
    path("sessions/<int:pk>/qr.svg", attendance.session_qr, name="session_qr"),
    path("workshops/<int:pk>/join/", joining.workshop_join, name="workshop_join"),
    path("join-requests/<int:pk>/decide/", joining.join_request_decide, name="join_request_decide"),
    path("walk-ins/<int:pk>/decide/", attendance.walk_in_decide, name="walk_in_decide"),
    path(
        "phone-walk-ins/<int:pk>/decide/",
        attendance.pending_walk_in_decide,
        name="pending_walk_in_decide",
    ),
    path("health-workers/<int:pk>/history/", learning.health_worker_history, name="worker_history"),
    path("sync/", sync.sync, name="sync"),
]
