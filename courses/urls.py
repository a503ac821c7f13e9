from django.urls import path

from courses import views

app_name = "courses"
urlpatterns = [
    path("", views.my_learning, name="my_learning"),
    path("transcript.pdf", views.my_transcript, name="my_transcript"),
    path("claims/new/", views.claim_create, name="claim_create"),
    path("claims/review/", views.claims_review, name="claims_review"),
    path("claims/<int:pk>/review/", views.claim_review, name="claim_review"),
    path("claims/<int:pk>/evidence/", views.claim_evidence, name="claim_evidence"),
    path("check-in/<str:token>/", views.check_in, name="check_in"),
    path("workshops/", views.my_workshops, name="my_workshops"),
    path("workshops/new/", views.workshop_create, name="workshop_create"),
    path("workshops/<int:pk>/", views.workshop_detail, name="workshop_detail"),
    path("workshops/<int:pk>/status/", views.workshop_status, name="workshop_status"),
    path("workshops/<int:pk>/close/", views.workshop_close, name="workshop_close"),
    path("workshops/<int:pk>/evaluate/", views.workshop_evaluate, name="workshop_evaluate"),
    path("workshops/<int:pk>/roster/", views.roster, name="roster"),
    path("workshops/<int:pk>/roster/add/", views.roster_add, name="roster_add"),
    path("workshops/<int:pk>/roster/walk-in/", views.roster_walk_in, name="roster_walk_in"),
    path("workshops/<int:pk>/scores/", views.scores, name="scores"),
    path("workshops/<int:pk>/template.xlsx", views.attendance_template, name="attendance_template"),
    path("workshops/<int:pk>/import/", views.attendance_import, name="attendance_import"),
    path("imports/<int:pk>/", views.import_result, name="import_result"),
    path("enrolments/<int:pk>/withdraw/", views.enrolment_withdraw, name="enrolment_withdraw"),
    path("completions/<int:pk>/override/", views.completion_override, name="completion_override"),
    path("sessions/<int:pk>/", views.session_marking, name="session_marking"),
    path("sessions/<int:pk>/edit/", views.session_edit, name="session_edit"),
    path("sessions/<int:pk>/mark/", views.session_mark, name="session_mark"),
    path("sessions/<int:pk>/sign-in.pdf", views.session_sign_in_sheet, name="sign_in_sheet"),
    path("sessions/<int:pk>/qr.svg", views.session_qr, name="session_qr"),
    path("walk-ins/<int:pk>/decide/", views.walk_in_decide, name="walk_in_decide"),
    path("health-workers/<int:pk>/history/", views.health_worker_history, name="worker_history"),
    path("sync/", views.sync, name="sync"),
]
