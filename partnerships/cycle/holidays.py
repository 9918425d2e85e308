"""The Algemene termijnenwet (Atw): which days a statutory term may not end on, and how far it
is extended.

Atw art. 1 lid 1 (confirmed): "Een in een wet gestelde termijn die op een zaterdag, zondag of
algemeen erkende feestdag eindigt, wordt verlengd tot en met de eerstvolgende dag die niet een
zaterdag, zondag of algemeen erkende feestdag is." Lid 2: "Het vorige lid geldt niet voor
termijnen, bepaald door terugrekening vanaf een tijdstip of een gebeurtenis."
Atw art. 3 lid 1 (confirmed): "de Nieuwjaarsdag, de Christelijke tweede Paas- en Pinksterdag,
de beide Kerstdagen, de Hemelvaartsdag, de dag waarop de verjaardag van de Koning wordt
gevierd en de vijfde mei"; lid 2: Goede Vrijdag is "gelijkgesteld". Not modelled: lid 3, days
put on a par by royal decree (such as a Friday after Ascension Day; published in the
Staatscourant), and art. 2 (a term of at least three days holds two working days) and art. 4
(exceptions; its text was not confirmed), which the budget cycle's terms of weeks do not reach.
"""

import datetime
from functools import cache

ONE_DAY = datetime.timedelta(days=1)


def easter(year: int) -> datetime.date:
    """Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own name)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def kings_day(year: int) -> datetime.date:
    """The day the King's (until 2013: the Queen's) birthday is celebrated: 27 April since
    2014, 30 April from 1980 to 2013; the Saturday before when it falls on a Sunday."""
    day = datetime.date(year, 4, 27) if year >= 2014 else datetime.date(year, 4, 30)
    return day - ONE_DAY if day.weekday() == 6 else day


@cache
def recognised_holidays(year: int) -> frozenset[datetime.date]:
    """The algemeen erkende feestdagen of Atw art. 3 lid 1 and 2 in `year`."""
    sunday = easter(year)
    return frozenset(
        {
            datetime.date(year, 1, 1),  # Nieuwjaarsdag
            sunday - 2 * ONE_DAY,  # Goede Vrijdag (lid 2)
            sunday + ONE_DAY,  # tweede Paasdag
            kings_day(year),
            datetime.date(year, 5, 5),  # de vijfde mei
            sunday + 39 * ONE_DAY,  # Hemelvaartsdag
            sunday + 50 * ONE_DAY,  # tweede Pinksterdag
            datetime.date(year, 12, 25),
            datetime.date(year, 12, 26),
        }
    )


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in recognised_holidays(day.year)


def extended(day: datetime.date) -> datetime.date:
    """Atw art. 1 lid 1: a term ending on `day` runs until the next day that is not a
    Saturday, Sunday or recognised holiday."""
    while not is_working_day(day):
        day += ONE_DAY
    return day
