"""Reminders and notices (courses/notices): the SMS gateway, limits per number, timing."""

import os

# RapidPro or TextIt (SMS_BACKEND=core.sms.RapidProBackend): the workspace's address and API token.
RAPIDPRO_URL = os.environ.get("RAPIDPRO_URL", "")
RAPIDPRO_TOKEN = os.environ.get("RAPIDPRO_TOKEN", "")
# A registry phone typed as 07… is a number of this country (E.164 without the plus).
SMS_COUNTRY_CODE = os.environ.get("SMS_COUNTRY_CODE", "964")
# Text messages one number receives at most in a window; more are recorded as rate limited, unsent.
NOTICE_SMS_PER_NUMBER = int(os.environ.get("NOTICE_SMS_PER_NUMBER", "5"))
NOTICE_SMS_WINDOW = int(os.environ.get("NOTICE_SMS_WINDOW", "86400"))
# How many days before a CME cycle ends a person short of its hours is told.
NOTICE_CYCLE_DAYS_BEFORE = int(os.environ.get("NOTICE_CYCLE_DAYS_BEFORE", "60"))
# Tries of one message on a gateway or mail error, the waits doubling from the first.
NOTICE_MAX_RETRIES = int(os.environ.get("NOTICE_MAX_RETRIES", "5"))
NOTICE_RETRY_SECONDS = int(os.environ.get("NOTICE_RETRY_SECONDS", "60"))
