"""Working days for the notice of an early ending of mentoring (Labour Code art. 351.8: «не позднее чем за три
рабочих дня»): Monday to Friday except the non-working public holidays of art. 112. Days moved by the
Government's yearly decree are not known here; a notice counted over such a day is read on the safe side only
when the holiday itself is fixed."""

from datetime import date, timedelta

# Art. 112 of the Labour Code: 1–6 and 8 January (New Year holidays), 7 January, 23 February, 8 March, 1 and
# 9 May, 12 June, 4 November.
HOLIDAYS = {(1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7), (1, 8), (2, 23), (3, 8), (5, 1), (5, 9), (6, 12),
            (11, 4)}  # fmt: skip
NOTICE_WORKING_DAYS = 3


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and (day.month, day.day) not in HOLIDAYS


def working_days_after(notice_on: date, ends_on: date) -> int:
    """The working days from the day after the notice to the day mentoring ends, both included (the period runs
    from the day after the notice, art. 14 of the Labour Code)."""
    days, day = 0, notice_on + timedelta(days=1)
    while day <= ends_on:
        days += is_working_day(day)
        day += timedelta(days=1)
    return days


def earliest_end(notice_on: date) -> date:
    """The first day on which mentoring may end after a notice given on ``notice_on``."""
    day, days = notice_on, 0
    while days < NOTICE_WORKING_DAYS:
        day += timedelta(days=1)
        days += is_working_day(day)
    return day
