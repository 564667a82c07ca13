# Les paraules de HourBank en català. Cada clau d'en.ftl també és aquí.

language-name = Català

## Dates, hores i nombres.

weekday-1 = dl.
weekday-2 = dt.
weekday-3 = dc.
weekday-4 = dj.
weekday-5 = dv.
weekday-6 = ds.
weekday-7 = dg.
month-1 = de gen.
month-2 = de febr.
month-3 = de març
month-4 = d’abr.
month-5 = de maig
month-6 = de juny
month-7 = de jul.
month-8 = d’ag.
month-9 = de set.
month-10 = d’oct.
month-11 = de nov.
month-12 = de des.
time-am = a. m.
time-pm = p. m.
time-of-day = { $hour }:{ $minute }
date-time = { $weekday }, { $day } { $month } { $year }, { $time } { $zone }
date = { $weekday }, { $day } { $month } { $year }
time-invalid = (hora inexistent)
decimal = { $units },{ $hundredths }
remaining-overdue = vençut (el temporitzador actuarà aviat)
remaining-minutes = d’aquí a { $minutes } min
remaining-hours = d’aquí a { $hours } h
remaining-hours-minutes = d’aquí a { $hours } h { $minutes } min
remaining-days-hours = d’aquí a { $days } d { $hours } h
