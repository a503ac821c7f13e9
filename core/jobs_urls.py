from django.urls import path

from core.jobs import job_status

app_name = "jobs"
urlpatterns = [path("<str:task_id>/", job_status, name="status")]
