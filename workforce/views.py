from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def profile(request):
    worker = getattr(request.user, "health_worker", None)
    assignments = request.user.role_assignments.select_related(
        "governorate", "directorate", "facility"
    )
    return render(request, "workforce/profile.html", {"worker": worker, "assignments": assignments})
