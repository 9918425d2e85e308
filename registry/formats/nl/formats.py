"""Dates as the registry writes them everywhere (registry.formatting.date): 31-12-2026, also
in the admin's lists and read-only fields, where Django's Dutch default is "31 december 2026"
(wider, and unlike the documents). Input formats stay Django's Dutch ones."""

DATE_FORMAT = "d-m-Y"
SHORT_DATE_FORMAT = "d-m-Y"
DATETIME_FORMAT = "d-m-Y H:i"
SHORT_DATETIME_FORMAT = "d-m-Y H:i"
