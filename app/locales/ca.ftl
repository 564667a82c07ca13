# Les paraules d'HourBank en català. Cada clau d'en.ftl també és aquí.

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

## The header and the language switcher

hd-nav-main = Principal
hd-services = Serveis
hd-my-requests = Les meves sol·licituds
hd-inbox = Safata d'entrada
hd-my-services = Els meus serveis
hd-notifications = Notificacions
hd-settings = Configuració
hd-admin = Administració
hd-balance-title = Hores disponibles (entre parèntesis, les retingudes)
hd-held = {" "}({ $held } retingudes)
hd-log-out = Tanca la sessió
hd-live-changed = Aquesta pàgina ha canviat des que la vas obrir.
hd-live-reload = Mostra la versió nova
hd-log-in = Inicia la sessió
hd-sign-up = Registra't
hd-language = Idioma
hd-language-change = Canvia

## Member pages: home, services, account

# Pàgines, la llista de serveis i la plantilla (prefix pg-), en català.
pg-skip-to-content = Salta al contingut
pg-footer = HourBank — una hora d'ajuda val una hora d'ajuda.
pg-loading = Carregant…
pg-home-welcome = Hola, { $name }
pg-home-balance-before = Tens{" "}
pg-home-balance-after = {" "}disponibles per gastar en l'ajuda d'altres membres.
pg-home-held = Tens { $held } retingudes per a sol·licituds en curs.
pg-home-hero = Intercanvia ajuda per hores
pg-home-lead = HourBank és un banc de temps: amb una hora de jardineria aconsegueixes una hora de classes particulars. L'hora de cada membre val el mateix.
pg-create-account = Crea un compte
pg-home-or = {" "}o{" "}
pg-home-log-in-lower = inicia la sessió
pg-home-services-heading = Serveis que ofereixen els membres
pg-services-title = Serveis — HourBank
pg-services = Serveis
pg-services-search-label = Cerca per títol, categoria o proveïdor
pg-services-search = Cerca
pg-services-all = Tots els serveis
pg-services-matching = Serveis que coincideixen
pg-services-none = Cap servei no coincideix.
pg-service-by = {" "}· per{" "}
pg-service-meta = {" "}· { $rating } · respon en { $hours ->
        [one] una hora
       *[other] { $hours } hores
    }
pg-log-in = Inicia la sessió
pg-service-login-to-request = {" "}per sol·licitar aquest servei.
pg-service-own = Aquest és el teu propi servei.{" "}
pg-service-manage = Gestiona els teus serveis
pg-service-closed = Aquest servei no accepta sol·licituds ara mateix.
pg-service-request-heading = Sol·licita aquest servei
pg-service-duration = Durada (hores)
pg-service-message = Missatge per al proveïdor
pg-service-cost-after = Això reté { $cost } de les teves hores fins que el servei estigui fet; després et quedarien { $after } disponibles.
pg-service-cost = Això reté { $cost } de les teves hores.
pg-service-hint = Tens { $available } disponibles. La tarifa habitual és { $rate } (una hora de crèdit per hora); el proveïdor pot proposar altres condicions.
pg-service-send = Envia la sol·licitud
pg-my-services-title = Els meus serveis — HourBank
pg-my-services = Els meus serveis
pg-my-services-offer-heading = Ofereix un servei
pg-my-services-title-label = Títol
pg-my-services-category = Categoria
pg-my-services-description = Descripció
pg-my-services-window-new = Respons les sol·licituds en (hores, de { $min } a { $max })
pg-my-services-offer = Ofereix el servei
pg-my-services-yours = Els teus serveis
pg-my-services-none = Encara no ofereixes cap servei.
pg-my-services-status-active = actiu
pg-my-services-status-paused = en pausa
pg-my-services-status-retired = retirat
pg-my-services-edit = Edita
pg-my-services-window = Termini de resposta (hores)
pg-save = Desa
pg-saved = Desat.
pg-my-services-pause = Posa en pausa
pg-my-services-resume = Reprèn
pg-my-services-retire = Retira
pg-profile-reviews = Ressenyes
pg-profile-no-reviews = Encara no hi ha ressenyes.
pg-profile-review = { $stars } de 5, segons { $by }
pg-profile-review-comment = { $stars } de 5, segons { $by }: “{ $comment }”
pg-login-title = Inicia la sessió — HourBank
pg-email = Correu electrònic
pg-password = Contrasenya
pg-forgot-question = Has oblidat la contrasenya?
pg-login-new-here = Primer cop per aquí?{" "}
pg-signup-title = Registra't — HourBank
pg-signup-heading = Crea el teu compte
pg-signup-name = El teu nom (el veuran altres membres)
pg-signup-password = Contrasenya (com a mínim { $min } caràcters)
pg-sign-up = Registra't
pg-signup-already = Ja ets membre?{" "}
pg-forgot-title = Contrasenya oblidada — HourBank
pg-forgot-intro = Indica l'adreça amb què et vas registrar; hi enviarem un enllaç per crear una contrasenya nova.
pg-forgot-send = Envia'm un enllaç
pg-forgot-back = Torna a iniciar la sessió
pg-reset-title = Crea una contrasenya nova — HourBank
pg-reset-heading = Crea una contrasenya nova
pg-reset-password = Contrasenya nova (com a mínim { $min } caràcters)
pg-reset-submit = Desa la contrasenya i inicia la sessió
pg-reset-new-link = Demana un enllaç nou
pg-verify-title = Confirma la teva adreça — HourBank
pg-verify-heading = Confirma la teva adreça
pg-verify-done = Gràcies: la teva adreça està confirmada.{" "}
pg-verify-choose = Tria què t'arriba per correu electrònic
pg-verify-submit = Confirma la meva adreça
pg-unsubscribe-title = Deixa de rebre correus — HourBank
pg-unsubscribe-heading = Deixa de rebre correus
pg-unsubscribe-done = Fet: HourBank ja no t'enviarà més correus. Les teves notificacions continuen a l'aplicació i pots tornar a activar el correu a la configuració.
pg-unsubscribe-invalid = Aquest enllaç no és vàlid. Desactiva el correu a la configuració.
pg-unsubscribe-question = Vols deixar de rebre tots els correus d'HourBank? Les notificacions continuen a l'aplicació.
pg-unsubscribe-submit = Deixa de rebre correus
pg-settings-title = Configuració — HourBank
pg-settings-heading = Configuració
pg-settings-mail-off = Aquest banc no envia correus: t'assabentes de tot aquí, a Notificacions.
pg-settings-verified = verificada
pg-settings-not-verified = encara sense verificar: no t'enviarem res més fins que la confirmis
pg-settings-resend = Torna a enviar l'enllaç de confirmació
pg-settings-resent = Enviat. L'enllaç funciona durant tres dies.
pg-settings-mode-legend = Què t'arriba per correu electrònic
pg-settings-mode-immediate = Cada pas quan passa, i recordatoris abans que actuï el temporitzador
pg-settings-mode-digest = Un resum al dia, a les { $hour }:00 UTC
pg-settings-mode-off = Res (l'aplicació guarda totes les notificacions)
pg-settings-bank-zone = La zona del banc ({ $zone })
pg-settings-zone-heading = Zona horària
pg-settings-zone-label = Totes les hores se't mostren en
pg-settings-zone-save = Desa la zona horària
pg-settings-calendar-heading = Calendari
pg-settings-calendar-intro = Subscriu-te a aquesta adreça privada des de la teva aplicació de calendari per veure la feina que has acordat, amb la seva hora d'inici:
pg-settings-calendar-feed = L'adreça del teu calendari
pg-settings-calendar-hint = Qualsevol que tingui l'adreça veu la feina que has acordat. Si s'ha filtrat, crea'n una de nova: l'antiga deixarà de funcionar.
pg-settings-calendar-renew = Crea una adreça nova
pg-settings-calendar-renewed = Fet: ara només funciona l'adreça de dalt.
pg-not-found-title = Pàgina no trobada — HourBank
pg-not-found-heading = Pàgina no trobada
pg-not-found-text = No hi ha cap pàgina en aquesta adreça. Potser s'ha mogut o l'enllaç està mal escrit.
pg-not-found-back = Torna a la pàgina d'inici

pg-rating = { $average } ★ ({ $count })
pg-not-rated = encara sense valoracions

## Requests: the request page, lists, balance, notifications, terms

# Pàgines i components de sol·licituds (sol·licituds, safata d'entrada, saldo, notificacions, condicions).

rq-actor-admin = un administrador
rq-actor-timer = el temporitzador
rq-request-page-title = Sol·licitud — HourBank
rq-loading = Carregant…
rq-round-starting = , amb inici: { $time }
rq-role-requester = Has demanat aquest servei.
rq-role-provider = Tu ofereixes aquest servei.
rq-role-admin = Estàs veient aquesta sol·licitud com a administrador.
rq-counter-offer = Contraoferta
rq-counter-hours = Hores
rq-counter-message = Missatge
rq-split-minutes = Minuts per al proveïdor (d'1 a { $max })
rq-deadline = Termini: { $time } ({ $remaining }); després, { $then }.
rq-auto-start = L'inici es va confirmar automàticament.
rq-auto-completion = La finalització es va confirmar automàticament.
rq-detail-page-title = { $service } — sol·licitud — HourBank
rq-lead = { $requester } ho ha demanat a { $provider } ·{" "}
rq-status = Estat:{" "}
rq-waiting-for = Esperant { $who }.
rq-add-to-calendar = Afegeix al calendari (.ics)
rq-what-you-can-do = Què pots fer
rq-nothing-right-now = Res de moment.
rq-negotiation = Negociació
rq-round = Ronda { $n }, { $who }: { $terms }
rq-ratings = Valoracions
rq-rating = { $who }: { $stars } de 5{ $comment }
rq-stars = Estrelles
rq-stars-5 = 5 — excel·lent
rq-stars-4 = 4 — bé
rq-stars-3 = 3 — correcte
rq-stars-2 = 2 — fluix
rq-stars-1 = 1 — malament
rq-rate-comment = Comentari (opcional)
rq-rate = Valora
rq-history = Historial
rq-auto-confirmed-badge = {" "}confirmat automàticament
rq-event-details = detalls de l'esdeveniment { $seq }
rq-lifecycle-heading = En quin punt del cicle de vida és aquesta sol·licitud
rq-terms-line = { $duration } a tarifa { $rate } — costa { $cost }
rq-start-agreed = Inici acordat: { $time }
rq-start-proposed = Inici proposat: { $time }
rq-start-not-set = Inici: sense fixar (acorda'l als missatges)
rq-rate-label = Tarifa (hores de crèdit per hora, de { $min } a { $max })
rq-start-optional = Inici (opcional)
rq-start-hint = Data i hora a la teva zona horària, { $zone }; com a màxim amb { $days } dies d'antelació.
rq-col-provider = Proveïdor
rq-col-requester = Sol·licitant
rq-filter-label = Filtra per estat
rq-filter-open = Obertes
rq-filter-closed = Tancades
rq-filter-all = Totes
rq-nothing-here = Aquí no hi ha res.
rq-col-service = Servei
rq-col-status = Estat
rq-col-hours = Hores
rq-col-start = Inici
rq-col-next-deadline = Proper termini
rq-your-turn-badge = {" "}et toca
rq-my-requests-page-title = Les meves sol·licituds — HourBank
rq-my-requests = Les meves sol·licituds
rq-my-requests-intro = Serveis que has demanat a altres membres.{" "}
rq-find-a-service = Cerca un servei
rq-inbox-page-title = Safata d'entrada — HourBank
rq-inbox = Safata d'entrada
rq-inbox-intro = Sol·licituds dels teus serveis. Primer, les que esperen la teva resposta.
rq-bucket-available = disponible
rq-bucket-held = retingut
rq-transfer-grant = concessió
rq-transfer-deduct = deducció
rq-transfer-hold = retenció
rq-transfer-post = pagament
rq-transfer-void = devolució
rq-transfer-adjust = ajust
rq-balance-page-title = Saldo — HourBank
rq-balance-heading = Saldo i extracte
rq-balance-available = Disponible
rq-balance-held = Hores retingudes
rq-balance-download-csv = Baixa l'extracte en CSV
rq-balance-caption = Tots els moviments de les teves hores, primer els més recents
rq-balance-col-when = Quan
rq-balance-col-what = Què
rq-balance-col-part = Part del compte
rq-balance-col-minutes = Minuts
rq-balance-col-request = Sol·licitud
rq-balance-open = obre
rq-notifications-page-title = Notificacions — HourBank
rq-notifications = Notificacions
rq-mark-all-read = Marca-les totes com a llegides
rq-no-notifications = Encara no tens cap notificació.
rq-mark-read = Marca com a llegida

ld-starting-credit = crèdit inicial
ld-escrow-hold = hores retingudes
ld-hold-adjusted = retenció ajustada a les condicions negociades
ld-payment = pagament
ld-refund = devolució
ld-dispute-split = repartiment de la disputa

## Admin pages

# Pàgines d'administració (tauler, disputes, membres).

ad-loading = Carregant…
ad-admins-only = Només per a administradors
ad-admins-only-text = Aquesta pàgina és per als administradors d'HourBank.
ad-back-to-start = Torna a la pàgina d'inici
ad-timing = mediana { $median }, p90 { $p90 } (de { $count })
ad-no-data-yet = encara no hi ha dades
ad-chart-label = Sol·licituds per dia segons el resultat (la taula de sota té les xifres)
ad-dashboard-page-title = Tauler — HourBank (administració)
ad-dashboard-heading = Tauler
ad-open-disputes = Disputes obertes
ad-members = Membres
ad-conservation = Conservació
ad-conservation-balanced = Equilibrat
ad-conservation-broken = TRENCAT
ad-conservation-detail = suma de tots els saldos { $total } min · { $mismatched } comptes no quadren amb els seus assentaments · { $negative } en negatiu · { $unbalanced } transferències desquadrades
ad-conservation-checked = Comprovat
ad-in-escrow-now = Hores retingudes ara
ad-success-rate = Taxa d'èxit
ad-success-rate-hint = pagades ÷ tancades
ad-auto-confirmed = Confirmades automàticament
ad-auto-confirmed-counts = { $starts ->
        [one] { $starts } inici
       *[other] { $starts } inicis
    }, { $completions ->
        [one] { $completions } finalització
       *[other] { $completions } finalitzacions
    }
ad-timings = Temps
ad-timings-window = Sol·licituds fetes els darrers { $count } dies.
ad-response-time = Temps fins a la resposta del proveïdor: { $timing }
ad-payment-time = Temps des de la sol·licitud fins al pagament: { $timing }
ad-requests-by-state = Sol·licituds per estat ara
ad-col-state = Estat
ad-col-requests = Sol·licituds
ad-last-days = { $count ->
        [one] L'últim dia
       *[other] Els últims { $count } dies
    }
ad-col-day = Dia
ad-alarms = Alarmes
ad-alarms-none = Cap.
ad-mail = Correu electrònic
ad-mail-off = El correu està desactivat: no hi ha cap servidor SMTP configurat (HOURBANK_SMTP_URL), així que els membres només s'assabenten de tot dins de l'aplicació.
ad-mail-queue = { $waiting } en espera · { $sent } enviats avui · { $failing } amb errors
ad-needing-attention = Necessita atenció
ad-attention-none = Res: tots els temporitzadors s'han executat.
ad-retry = Torna-ho a provar
ad-party-requester = sol·licitant
ad-party-provider = proveïdor
ad-disputes-page-title = Disputes — HourBank (administració)
ad-disputes-intro = Primer, les més antigues. Obre'n una per veure'n tot l'historial i resoldre-la: reprendre, pagar el proveïdor, retornar les hores o repartir-les.
ad-no-open-disputes = No hi ha cap disputa oberta.
ad-col-opened = Oberta
ad-col-service = Servei
ad-col-requester = Sol·licitant
ad-col-provider = Proveïdor
ad-col-raised-by = Oberta per
ad-col-reason = Motiu
ad-col-paused-in = Aturada a
ad-col-held = Retingudes
ad-role-admin = administrador
ad-role-member = membre
ad-status-active = actiu
ad-status-deactivated = desactivat
ad-members-page-title = Membres — HourBank (administració)
ad-member-search-label = Cerca per nom o correu electrònic
ad-member-search = Cerca
ad-members-shown = Membres { $first }–{ $last } de { $total }
ad-members-none = Cap membre no coincideix.
ad-members-past-end = No hi ha membres en aquesta pàgina; en coincideixen { $total } en total.
ad-members-pages = Pàgines de membres
ad-page-previous = ← Pàgina anterior
ad-page-next = Pàgina següent →
ad-login-please = Si us plau,{" "}
ad-login-link = inicia la sessió
ad-login-as-admin = {" "}com a administrador per veure aquesta pàgina.
ad-col-name = Nom
ad-col-email = Correu electrònic
ad-col-role = Rol
ad-col-available = Disponible
ad-col-status = Estat
ad-col-action = Acció
ad-deactivate-member = Desactiva { $name }
ad-reactivate-member = Reactiva { $name }
ad-deactivate = Desactiva
ad-reactivate = Reactiva
ad-member-page-title = Membre — HourBank (administració)
ad-adjust-heading = Dona o treu hores
ad-adjust-minutes = Minuts (en negatiu per treure'n)
ad-adjust-reason = Motiu (obligatori, queda al llibre de comptes)
ad-adjust-apply = Aplica
ad-col-as = Com a
ad-col-with = Amb
ad-col-cost = Cost
ad-statement = Extracte
ad-col-when = Quan
ad-col-what = Què
ad-col-part = Part
ad-col-minutes = Minuts

## Errors and refusals of forms and server functions

# Errors, refusos i respostes en text pla (prefix er-), en català.

## Comprovació de les dades del compte

er-email-required = Escriu la teva adreça de correu electrònic.
er-email-too-long = Aquesta adreça de correu electrònic és massa llarga.
er-email-invalid = Això no sembla una adreça de correu electrònic (nom@example.org).
er-name-required = Escriu el nom que veuran els altres membres.
er-name-too-long = El teu nom pot tenir com a màxim { $max } caràcters.
er-name-unprintable = El teu nom conté caràcters que no podem mostrar.
er-password-too-short = Tria una contrasenya d'almenys { $min } caràcters.
er-password-too-long = Una contrasenya pot tenir com a màxim { $max } caràcters.
er-password-required = Escriu la teva contrasenya.
er-login-unknown-email = Cap compte fa servir aquesta adreça de correu electrònic. Revisa-la o registra't.
er-login-wrong-password = La contrasenya no és correcta per a aquesta adreça de correu electrònic.
er-login-deactivated = Aquest compte està desactivat. Posa't en contacte amb un administrador.
er-email-taken = Ja hi ha un compte amb aquesta adreça de correu electrònic. Vols iniciar la sessió?

## Nombres dins de frases: { $n } per sota de 1000; { $thousands } és la resta del nombre (ja agrupat), { $units } les seves tres últimes xifres (de "000" a "999").

er-number = { $n }
er-thousands = { $thousands }.{ $units }

## Comprovació de serveis i cerques

er-title-required = Escriu un títol.
er-title-too-long = El títol pot tenir com a màxim { $max } caràcters.
er-title-unprintable = El títol conté caràcters que no podem mostrar.
er-description-too-long = La descripció pot tenir com a màxim { $max } caràcters.
er-description-unprintable = La descripció conté caràcters que no podem mostrar.
er-category-required = Escriu una categoria.
er-category-too-long = La categoria pot tenir com a màxim { $max } caràcters.
er-category-unprintable = La categoria conté caràcters que no podem mostrar.
er-response-window = El termini de resposta ha de ser de { $min } a { $max } hores.
er-search-too-long = El text de cerca pot tenir com a màxim { $max } caràcters.
er-page-number = El número de pàgina ha de ser un nombre enter de l'1 al { $max }.
er-search-unprintable = El text de cerca conté caràcters que no podem mostrar.
er-service-id-malformed = Aquest identificador de servei no és vàlid.
er-service-not-editable = No tens aquest servei (els serveis retirats no es poden editar).
er-service-status = Tria actiu, en pausa o retirat.
er-service-stays-retired = No tens aquest servei (un servei retirat continua retirat).

## Coses que no existeixen. { $what } és el que es buscava, en anglès.

er-no-such-request = Aquesta sol·licitud no existeix.
er-no-such-service = Aquest servei no existeix.
er-no-such-member = Aquest membre no existeix.
er-no-such-ledger-account = Aquest compte d'hores no existeix.
er-no-such-thing = No existeix: { $what }.
er-no-such-calendar = Aquest calendari no existeix.
er-no-such-service-title = (servei inexistent)
er-no-counterpart = —
er-party-requester = sol·licitant
er-party-provider = proveïdor

## Sol·licituds

er-request-id-malformed = Aquest identificador de sol·licitud no és vàlid.
er-start-malformed = Escriu l'inici com a data i hora, per exemple 2027-03-08 10:00.
er-start-skipped = { $time } no existeix a { $zone } (els rellotges se salten aquesta hora): tria una altra hora.
er-rate-malformed = Escriu la tarifa com un nombre, per exemple 1 o 1,25.
er-choose-party = Tria sol·licitant o proveïdor.
er-unknown-action = Acció desconeguda.
er-ask-not-asked = Només el sistema pot fer aquest pas.
er-ask-missing-terms = Escriu les condicions de la contraoferta.
er-hours-required = Escriu les hores.
er-hours-whole = Escriu les hores com un nombre enter.
er-split-required = Escriu els minuts per al proveïdor.
er-split-whole = Escriu els minuts per al proveïdor com un nombre enter.
er-request-changed = Aquesta sol·licitud ha canviat; torna-la a carregar i prova-ho de nou.
er-not-enough-hours = No tens prou hores disponibles.
er-not-enough-hours-for-this = No tens prou hores disponibles per a això.
er-already-rated = Ja has valorat aquesta sol·licitud.
er-notification-id-malformed = Aquest identificador de notificació no és vàlid.

## Administració

er-reason-length = Indica un motiu d'1 a { $max } caràcters.
er-reason-unprintable = El motiu conté caràcters que no podem mostrar.
er-member-id-malformed = Aquest identificador de membre no és vàlid.
er-deactivate-self = No pots desactivar el teu propi compte.
er-adjust-minutes = Escriu un nombre de minuts diferent de zero (com a màxim { $max } hores).
er-retry-not-flagged = Aquesta sol·licitud no està pendent de revisió.
er-retry-failed-again = El temporitzador ha tornat a fallar; mira l'error de sota.

## Correu electrònic, contrasenyes i zones horàries

er-email-mode = Tria correu al moment, un resum diari o cap.
er-no-mail-verify = Aquest banc no envia correus electrònics, així que no hi ha res a verificar.
er-already-verified = La teva adreça ja està verificada.
er-verify-link-expired = Aquest enllaç ha caducat o ja s'ha fet servir. Demana'n un de nou a la teva pàgina de Configuració.
er-reset-sent = Si algun compte fa servir aquesta adreça, li hem enviat un enllaç per triar una contrasenya nova. L'enllaç funciona una sola vegada, durant una hora.
er-no-mail-reset = Aquest banc no envia correus electrònics. Demana a un administrador que t'ajudi a entrar al teu compte.
er-reset-link-expired = Aquest enllaç ha caducat o ja s'ha fet servir. Demana'n un de nou.
er-time-zone = Tria una zona horària de la llista, com ara Europe/Madrid.
er-unsubscribed = Baixa feta: no rebràs més correus.
er-unsubscribe-invalid = Aquest enllaç per donar-te de baixa no és vàlid.

## Errors que pot mostrar qualsevol pàgina

er-unauthenticated = Primer inicia la sessió.
er-forbidden = No tens permís per fer això.
er-rate-limited = Massa intents. Espera un minut i torna-ho a provar.
er-internal = Alguna cosa ha fallat per part nostra. Torna-ho a provar.
er-internal-short = Alguna cosa ha fallat per part nostra.
er-form-malformed = El formulari estava incomplet o mal format ({ $detail }).
er-unreachable = No hem pogut connectar amb HourBank. Revisa la connexió i torna-ho a provar.
er-page-title = Alguna cosa ha fallat
er-page-back = Torna a la pàgina d'inici

## Els noms de les columnes del CSV de l'extracte (una paraula cadascun, sense comes).

er-csv-time = hora
er-csv-time-utc = hora_utc
er-csv-kind = tipus
er-csv-bucket = apartat
er-csv-minutes = minuts
er-csv-request-id = id_sol·licitud
er-csv-reason = motiu

## The lifecycle: states, events, holds, notices, refusals, e-mails, calendars

# Les paraules del cicle de vida (lc-): estats, passos, botons, hores retingudes, refusos,
# notificacions, els seus correus i els esdeveniments del calendari.

## States

lc-state-initiated = enviada
lc-state-validating = en revisió
lc-state-escrowed = hores retingudes
lc-state-awaiting-response = esperant el proveïdor
lc-state-negotiating = en negociació
lc-state-accepted = acceptada
lc-state-pending-start-confirmation = inici per confirmar
lc-state-in-progress = en curs
lc-state-pending-completion-confirmation = finalització per confirmar
lc-state-disputed = en disputa
lc-state-completed = completada
lc-state-paid = pagada
lc-state-rejected = rebutjada
lc-state-expired = caducada
lc-state-cancelled = cancel·lada
lc-state-resolved = resolta per un administrador
lc-daily-started = iniciada

## Events, as the history and the refusals say them

lc-verb-submit = enviar
lc-verb-start-validation = revisar
lc-verb-checks-passed = retenir hores
lc-verb-checks-failed = denegar
lc-verb-notify-provider = avisar el proveïdor
lc-verb-accept = acceptar
lc-verb-decline = rebutjar
lc-verb-counter = fer una contraoferta
lc-verb-withdraw = retirar
lc-verb-cancel = cancel·lar
lc-verb-member-deactivated = cancel·lar (membre desactivat)
lc-verb-mark-started = marcar com a començat
lc-verb-confirm-start = confirmar l’inici
lc-verb-mark-completed = marcar com a acabat
lc-verb-confirm-completion = confirmar la finalització
lc-verb-process-payment = pagar
lc-verb-dispute = obrir una disputa
lc-verb-resume = reprendre
lc-verb-pay-provider = pagar el proveïdor
lc-verb-refund = reemborsar
lc-verb-split = repartir
lc-verb-deadline = termini vençut

## Buttons of the request page

lc-button-accept = Accepta
lc-button-decline = Rebutja
lc-button-counter = Envia una contraoferta
lc-button-withdraw = Retira la sol·licitud
lc-button-cancel = Cancel·la
lc-button-mark-started = Marca com a començat
lc-button-confirm-start = Confirma l’inici
lc-button-mark-completed = Marca com a acabat
lc-button-confirm-completion = Confirma la finalització
lc-button-dispute = Obre una disputa
lc-button-resume = Reprèn
lc-button-pay-provider = Paga el proveïdor
lc-button-refund = Reemborsa el sol·licitant
lc-button-split = Reparteix

## The text typed with an event: its name (lowercase) and its form label

lc-field-dispute-reason = motiu de la disputa
lc-field-note = nota
lc-field-reason = motiu
lc-field-message = missatge
lc-field-text = text
lc-field-comment = comentari
lc-label-dispute = Què ha anat malament?
lc-label-required = { $name } (obligatori)
lc-label-optional = { $name } (opcional)

## What the timer does when a deadline passes

lc-on-fire-expire = la sol·licitud caduca i les hores tornen
lc-on-fire-confirm-start = l’inici es confirma automàticament
lc-on-fire-confirm-completion = la finalització es confirma automàticament i es paga el proveïdor
lc-on-fire-timer = actua el temporitzador

## Whom a request waits for, and to do what; { $step } is one of lc-step-*

lc-step-awaiting-response = per acceptar, rebutjar o fer una contraoferta
lc-step-negotiating = per respondre la contraoferta
lc-step-accepted = per marcar el servei com a començat
lc-step-pending-start-confirmation = per confirmar l’inici
lc-step-in-progress = per marcar el servei com a acabat
lc-step-pending-completion-confirmation = per confirmar la finalització
lc-step-disputed = per resoldre la disputa
lc-waiting-requester = { $name } (el sol·licitant) { $step }
lc-waiting-provider = { $name } (el proveïdor) { $step }
lc-waiting-admin = un administrador { $step }
lc-waiting-nobody = ningú: aquesta sol·licitud està tancada

## Why a closed request ended

lc-end-not-sent = No enviada: { $reason }
lc-end-declined = Rebutjada.
lc-end-declined-reason = Rebutjada: { $reason }
lc-end-expired = Ha caducat sense resposta; les hores han tornat.
lc-end-withdrawn = Retirada pel sol·licitant.
lc-end-cancelled-by-provider = Cancel·lada pel proveïdor.
lc-end-cancelled-by-provider-reason = Cancel·lada pel proveïdor: { $reason }
lc-end-member-deactivated = Cancel·lada perquè s’ha desactivat un membre.
lc-end-dispute-refunded = Un administrador ha reemborsat el sol·licitant.
lc-end-dispute-split = Un administrador ha repartit les hores.

## Where a request's hours are

lc-hold-none = No hi ha res retingut.
lc-hold-pending = Hores retingudes: { $amount }.
lc-hold-posted = Pagat al proveïdor: { $amount }.
lc-hold-voided = Retornat al sol·licitant: { $amount }.
lc-hold-split = Pagat al proveïdor: { $provider }; retornat al sol·licitant: { $requester }.

## Terms that cannot be offered

lc-terms-duration = Les hores han d’anar de { $min } a { $max }, en passos de { $step } minuts.
lc-terms-rate = La tarifa ha d’anar de { $min } a { $max } hores de crèdit per hora.
lc-terms-message-too-long = El missatge pot tenir com a màxim { $max } caràcters.
lc-terms-message-unprintable = El missatge conté caràcters que no podem mostrar.
lc-terms-start-passed = L’hora d’inici ja ha passat: tria’n una de més tard.
lc-terms-start-too-far = L’inici pot ser, com a molt, d’aquí a { $days } dies.

## Checks that failed at submission

lc-failure-requester-inactive = El teu compte no està actiu.
lc-failure-provider-inactive = El compte del proveïdor no està actiu.
lc-failure-own-service = No pots sol·licitar el teu propi servei.
lc-failure-service-unavailable = Aquest servei no existeix o no accepta sol·licituds.
lc-failure-insufficient-balance = No tens prou hores: aquesta sol·licitud costa { $cost } i en tens { $available } disponibles.
lc-failure-duplicate-open-request = Ja tens una sol·licitud oberta per a aquest servei.
lc-failure-too-many-open-requests = { $limit ->
    [one] Tens { $limit } sol·licitud oberta, el màxim permès. Acaba-la o retira-la primer.
   *[other] Tens { $limit } sol·licituds obertes, el màxim permès. Acaba’n o retira’n una primer.
}

## Why an action was refused

lc-rejection-not-a-party = Només el sol·licitant o el proveïdor d’aquesta sol·licitud poden fer això.
lc-rejection-closed = Aquesta sol·licitud ja està tancada ({ $state }); no hi pot canviar res més.
lc-rejection-wrong-actor-requester = Ara només el sol·licitant pot { $action }.
lc-rejection-wrong-actor-provider = Ara només el proveïdor pot { $action }.
lc-rejection-wrong-actor-admin = Ara només un administrador pot { $action }.
lc-rejection-wrong-actor-timer = Ara només el temporitzador pot { $action }.
lc-rejection-wrong-actor-system = Ara només el sistema pot { $action }.
lc-rejection-not-now = No pots { $action } una sol·licitud en estat «{ $state }».
lc-rejection-not-your-turn = Li toca a l’altre membre respondre aquesta oferta.
lc-rejection-round-limit = { $max ->
    [one] Aquesta negociació ja ha tingut la seva contraoferta: accepta o rebutja.
   *[other] Aquesta negociació ja ha tingut les seves { $max } contraofertes: accepta o rebutja.
}
lc-rejection-text-required = Omple el camp «{ $what }».
lc-rejection-text-too-long = El camp «{ $what }» pot tenir com a màxim { $max } caràcters.
lc-rejection-text-unprintable = El camp «{ $what }» conté caràcters que no podem mostrar.
lc-rejection-invalid-split = Un repartiment ha de donar al proveïdor entre 1 minut i { $max } (les hores retingudes són { $hold }).
lc-rejection-deadline-not-due = El termini encara no ha vençut.
lc-rejection-stale-deadline = Aquest termini ja no s’aplica.
lc-rejection-already-submitted = Una sol·licitud només s’envia una vegada.
lc-rejection-not-rateable = Podràs valorar l’altre membre quan la sol·licitud estigui pagada.
lc-rejection-invalid-stars = Tria d’1 a 5 estrelles.
lc-rejection-inconsistent = El registre d’aquesta sol·licitud és incoherent ({ $detail }); un administrador l’ha de revisar.
lc-ask-not-asked = Només el sistema pot fer aquest pas.
lc-ask-missing-terms = Indica les condicions de la contraoferta.
lc-ask-missing-share = Indica els minuts per al proveïdor.

## Offers in notifications; { $start } is a date and time

lc-offer = { $duration } a tarifa { $rate } (costa { $cost })
lc-offer-starting = { $duration } a tarifa { $rate } (costa { $cost }), amb inici el { $start }

## Notifications; { $deadline } is a date and time

lc-notice-not-sent = La teva sol·licitud no s’ha enviat: { $reason }
lc-notice-new-request = Nova sol·licitud: { $offer }. Respon abans del { $deadline }; si no, caduca i les hores tornen.
lc-notice-counter-offer = Contraoferta (ronda { $round }): { $offer }. Respon abans del { $deadline }.
lc-notice-accepted = Sol·licitud acceptada: { $offer }.
lc-notice-declined = La sol·licitud s’ha rebutjat; les hores han tornat.
lc-notice-declined-reason = La sol·licitud s’ha rebutjat: { $reason }. Les hores han tornat.
lc-notice-withdrawn = El sol·licitant ha retirat la sol·licitud.
lc-notice-cancelled-by-provider = El proveïdor ha cancel·lat la sol·licitud; les hores han tornat.
lc-notice-cancelled-by-provider-reason = El proveïdor ha cancel·lat la sol·licitud; les hores han tornat: { $reason }
lc-notice-cancelled-by-deactivation = La sol·licitud s’ha cancel·lat perquè s’ha desactivat un membre.
lc-notice-marked-started = El proveïdor diu que el servei ha començat. Confirma-ho; es confirmarà automàticament el { $deadline }.
lc-notice-start-confirmed = El sol·licitant ha confirmat l’inici.
lc-notice-marked-completed = El proveïdor diu que el servei està acabat. Confirma-ho; el { $deadline } es confirmarà automàticament i es pagarà el proveïdor.
lc-notice-expired = La sol·licitud ha caducat sense resposta; les hores han tornat.
lc-notice-start-auto-confirmed = L’inici s’ha confirmat automàticament al cap de { $after }.
lc-notice-completion-auto-confirmed = La finalització s’ha confirmat automàticament al cap de { $after }.
lc-notice-paid = Pagat: el proveïdor ha rebut { $amount }. Ara ja us podeu valorar mútuament.
lc-notice-dispute-raised = S’ha obert una disputa; tot queda en pausa fins que un administrador la resolgui.
lc-notice-dispute-by-requester = El sol·licitant ha obert una disputa: { $reason }
lc-notice-dispute-by-provider = El proveïdor ha obert una disputa: { $reason }
lc-notice-resumed = Un administrador ha reprès la sol·licitud: { $note }
lc-notice-paid-by-admin = Un administrador ha pagat { $amount } al proveïdor: { $note }
lc-notice-refunded-by-admin = Un administrador ha reemborsat { $amount } al sol·licitant: { $note }
lc-notice-split-by-admin = Un administrador ha repartit les hores: { $provider } per al proveïdor i { $requester } de tornada: { $note }
lc-notice-rated = T’han valorat amb { $stars } de 5.
lc-notice-reminder = Recordatori: tens fins al { $deadline } { $step }; després, { $then }.
lc-notice-starts-soon = Recordatori: la feina acordada comença el { $start }.
lc-notice-timer-failing = El temporitzador d’una sol·licitud continua fallant i necessita un administrador: { $error }
lc-notice-mail-failing = { $failing ->
    [one] { $failing } correu continua sense poder-se enviar: { $error }
   *[other] { $failing } correus continuen sense poder-se enviar: { $error }
}
lc-notice-ledger-unbalanced = La comprovació de conservació del llibre de comptes no quadra: { $detail }

## Notification e-mail subjects

lc-subject-not-sent = La teva sol·licitud no s’ha enviat
lc-subject-new-request = Nova sol·licitud: respon, si us plau
lc-subject-counter-offer = Contraoferta (ronda { $round })
lc-subject-accepted = Sol·licitud acceptada
lc-subject-declined = Sol·licitud rebutjada
lc-subject-withdrawn = Sol·licitud retirada
lc-subject-cancelled = Sol·licitud cancel·lada
lc-subject-confirm-start = Confirma l’inici, si us plau
lc-subject-start-confirmed = Inici confirmat
lc-subject-confirm-completion = Confirma la finalització, si us plau
lc-subject-expired = Sol·licitud caducada
lc-subject-start-auto-confirmed = Inici confirmat automàticament
lc-subject-completion-auto-confirmed = Finalització confirmada automàticament
lc-subject-paid = Hores pagades
lc-subject-dispute-raised = S’ha obert una disputa
lc-subject-dispute-to-resolve = Una disputa per resoldre
lc-subject-dispute-resolved = Disputa resolta
lc-subject-rated = T’han valorat
lc-subject-reminder = Recordatori: el temporitzador actuarà aviat
lc-subject-starts-soon = Recordatori: la feina acordada comença aviat
lc-subject-timer-failing = Alarma: un temporitzador continua fallant
lc-subject-mail-failing = Alarma: el correu continua fallant
lc-subject-ledger-unbalanced = Alarma: el llibre de comptes no quadra

## E-mails

lc-mail-open-request = Obre la sol·licitud
lc-mail-digest-subject = El teu dia a { $bank }: { $count ->
    [one] { $count } novetat
   *[other] { $count } novetats
}
lc-mail-digest-intro = Això és el que ha passat des del teu últim resum.
lc-mail-verify-subject = Confirma la teva adreça de correu electrònic
lc-mail-verify-body = Confirma que aquesta és la teva adreça, perquè { $bank } et pugui avisar quan un membre et respongui o el temporitzador actuï sobre les teves hores.
lc-mail-verify-link = Confirma la meva adreça
lc-mail-set-password = Crea una contrasenya nova
lc-mail-reset-body = Algú ha demanat crear una contrasenya nova per al teu compte. Si has estat tu, l’enllaç de sota funciona una sola vegada, durant una hora. Si no, ignora aquest correu: la teva contrasenya continuarà igual.
lc-mail-no-more = Deixa de rebre correus de { $bank }

## Calendar events

lc-cal-service = Servei d’HourBank
lc-cal-the-provider = el proveïdor
lc-cal-for = { $title } per a { $name }
lc-cal-with = { $title } amb { $name }
lc-cal-description = { $duration } a tarifa { $rate } ({ $cost } de crèdit). Estat: { $state }. { $link }
lc-cal-name = { $bank }: feina acordada

## The lifecycle graph

lc-graph-title = Cicle de vida d’una sol·licitud de servei
lc-graph-went = Cicle de vida d’una sol·licitud. Aquesta ha passat per { $path } i ara està en estat «{ $state }».
lc-graph-then = { $before }, després { $after }
