"""Interop's records: DHIS2 connections and pushes, and partner organisations' API keys."""

from interop.models.dhis2 import Dhis2Connection, Dhis2Mapping, Dhis2Push
from interop.models.partners import PartnerKey, PartnerKeyQuerySet

__all__ = ["Dhis2Connection", "Dhis2Mapping", "Dhis2Push", "PartnerKey", "PartnerKeyQuerySet"]
