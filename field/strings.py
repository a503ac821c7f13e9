"""The words the field app shows, translated here and written into its page (it works offline).

Placeholders are `{name}` (filled by the app's script), not Python's `%(name)s`.
"""

from django.utils.dates import MONTHS, WEEKDAYS_ABBR
from django.utils.translation import gettext as _


def app_strings() -> dict[str, str | list[str]]:
    """Every string of the app shell in the active language, with month and weekday names.

    Dates are written with Django's names of the language (browsers know no Kurdish Sorani).
    """
    return {
        "months": [str(MONTHS[n]) for n in range(1, 13)],
        "weekdays": [str(WEEKDAYS_ABBR[n]) for n in range(7)],  # Monday first
        "app_name": _("CME field app"),
        "short_name": _("CME field"),
        "description": _("Mark attendance and scores of your workshops, with or without network."),
        "online": _("Online"),
        "offline": _("Offline: your work is kept on this phone."),
        "waiting": _("{n} waiting to send"),
        "last_synced": _("Last sent: {time}"),
        "never_synced": _("Nothing sent yet"),
        "send_now": _("Send now"),
        "sending": _("Sending…"),
        "send_failed": _("The server could not be reached: the records wait and go later."),
        "download": _("Download my workshops"),
        "downloaded": _("{n} workshops on this phone, downloaded {time}"),
        "no_workshops": _("No workshop of yours runs in the next 14 days."),
        "enrol_title": _("Enrol this phone"),
        "enrol_help": _(
            "On the site, open My phones and press Enrol a phone; then scan the code shown there, "
            "or type it here."
        ),
        "code_label": _("Enrolment code"),
        "name_label": _("Name of this phone"),
        "default_name": _("My phone"),
        "enrol": _("Enrol"),
        "enrolling": _("Enrolling…"),
        "enrol_offline": _("Enrolling needs a connection."),
        "enrolled_as": _("This phone: {name}"),
        "enrol_again": _("Enrol this phone again"),
        "scan_code": _("Scan the code"),
        "open": _("Open"),
        "back": _("My workshops"),
        "people": _("{n} people"),
        "attendance": _("Attendance"),
        "scores": _("Scores"),
        "walk_ins": _("Walk-ins"),
        "present": _("Present"),
        "late": _("Late"),
        "absent": _("Absent"),
        "excused": _("Excused"),
        "marked_count": _("{n} of {total} marked"),
        "pre": _("Pre-test"),
        "post": _("Post-test"),
        "score_invalid": _("A score is a number from 0 to 100."),
        "walk_in_title": _("Add a walk-in"),
        "walk_in_help": _(
            "A walk-in waits on the site until you accept them on the session's marking page."
        ),
        "name_ar": _("Name in Arabic script"),
        "name_latin": _("Name in Latin letters"),
        "phone": _("Phone number"),
        "add": _("Add"),
        "name_needed": _("Give the person's name."),
        "walk_in_pending": _("Waiting to be sent"),
        "walk_in_sent": _("Sent: accept them on the site"),
        "scan_card": _("Scan a card"),
        "card_label": _("Card code or licence number"),
        "mark_present": _("Mark present"),
        "not_on_roster": _("Not on this workshop's roster."),
        "marked": _("{name}: {status}"),
        "no_camera": _("This browser cannot read codes with the camera: type the code instead."),
        "stop_scan": _("Stop the camera"),
        "camera_failed": _("The camera could not be opened: allow it, or type the code."),
        "results": _("Last sending"),
        "applied": _("Accepted"),
        "known": _("Already there"),
        "refused": _("Refused"),
        "corrected": _("Accepted, with the server's time"),
        "mark_of": _("Mark: {name}, {date}"),
        "score_of": _("Score: {name}, {kind}"),
        "walk_in_of": _("Walk-in: {name}"),
        "blocked": _("This phone may not send any more. Enrol it again on the site."),
        "session": _("Session of {date}"),
    }
