# HourBank's words in English: the catalogue's fallback, and the list of every key.
# A translator copies this file to <code>.ftl (e.g. fr.ftl) and translates the values;
# the catalogue test fails until every key below is in the new file too.

language-name = English

## Dates, times and numbers. { $time } is `time-of-day`; { $zone } the zone's abbreviation.

weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
weekday-7 = Sun
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
# time-of-day may use $hour (00–23), $hour12 (1–12), $minute (00–59) and $ampm
# (time-am or time-pm); date-time and date may use $weekday, $month, $day, $year,
# $time and $zone, in any order.
time-am = AM
time-pm = PM
time-of-day = { $hour12 }:{ $minute } { $ampm }
date-time = { $weekday }, { $month } { $day }, { $year }, { $time } { $zone }
date = { $weekday }, { $month } { $day }, { $year }
time-invalid = (no such time)
decimal = { $units }.{ $hundredths }
remaining-overdue = overdue (the timer will act shortly)
remaining-minutes = in { $minutes } min
remaining-hours = in { $hours } h
remaining-hours-minutes = in { $hours } h { $minutes } min
remaining-days-hours = in { $days } d { $hours } h
