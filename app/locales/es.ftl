# Las palabras de HourBank en español. Cada clave de en.ftl está aquí también.

language-name = Español

## Fechas, horas y números.

weekday-1 = lun
weekday-2 = mar
weekday-3 = mié
weekday-4 = jue
weekday-5 = vie
weekday-6 = sáb
weekday-7 = dom
month-1 = ene
month-2 = feb
month-3 = mar
month-4 = abr
month-5 = may
month-6 = jun
month-7 = jul
month-8 = ago
month-9 = sept
month-10 = oct
month-11 = nov
month-12 = dic
time-am = a. m.
time-pm = p. m.
time-of-day = { $hour }:{ $minute }
date-time = { $weekday }, { $day } { $month } { $year }, { $time } { $zone }
date = { $weekday }, { $day } { $month } { $year }
time-invalid = (hora inexistente)
decimal = { $units },{ $hundredths }
remaining-overdue = vencido (el temporizador actuará en breve)
remaining-minutes = en { $minutes } min
remaining-hours = en { $hours } h
remaining-hours-minutes = en { $hours } h { $minutes } min
remaining-days-hours = en { $days } d { $hours } h
