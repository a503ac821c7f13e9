"""The trainer's own page of enrolled phones: enrol one by code, revoke one."""

from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from field import services
from field.cards import qr_svg
from field.models import Device


@login_required
def devices(request):
    """The trainer's phones, and an enrolment code with its QR when asked for.

    The QR code holds the field app's address with the code after `#enrol=`: a phone's camera
    opens the app ready to enrol, and the app's own scanner reads the code out of it. The part
    after `#` never reaches a server's logs.
    """
    code = qr = None
    app_url = request.build_absolute_uri(reverse("field:app"))
    if request.method == "POST" and services.may_enrol(request.user):
        code = services.enrolment_code_create(user=request.user)
        qr = qr_svg(f"{app_url}#enrol={quote(code, safe=':')}")
    return render(
        request,
        "field/devices.html",
        {
            "devices": Device.objects.filter(user=request.user),
            "may_enrol": services.may_enrol(request.user),
            "code": code,
            "qr": qr,
            "app_url": app_url,
        },
    )


@login_required
@require_POST
def device_revoke(request, pk):
    """Revoke one of the trainer's own phones."""
    device = get_object_or_404(Device.objects.filter(user=request.user), pk=pk)
    services.device_revoke(device=device, user=request.user)
    return redirect("field:devices")
