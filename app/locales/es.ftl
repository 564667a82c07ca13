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

## The header and the language switcher

hd-nav-main = Principal
hd-services = Servicios
hd-my-requests = Mis solicitudes
hd-inbox = Bandeja de entrada
hd-my-services = Mis servicios
hd-notifications = Notificaciones
hd-settings = Ajustes
hd-admin = Administración
hd-balance-title = Horas disponibles (entre paréntesis, las retenidas)
hd-held = {" "}({ $held } retenidas)
hd-log-out = Cerrar sesión
hd-live-changed = Esta página ha cambiado desde que la abriste.
hd-live-reload = Ver la versión nueva
hd-log-in = Iniciar sesión
hd-sign-up = Registrarse
hd-language = Idioma
hd-language-change = Cambiar

## Member pages: home, services, account

# Páginas, la lista de servicios y la plantilla (prefijo pg-), en español.
pg-skip-to-content = Saltar al contenido
pg-footer = HourBank — una hora de ayuda vale una hora de ayuda.
pg-loading = Cargando…
pg-home-welcome = Hola, { $name }
pg-home-balance-before = Tienes{" "}
pg-home-balance-after = {" "}disponibles para gastar en la ayuda de otros miembros.
pg-home-held = Tienes { $held } retenidas para solicitudes en curso.
pg-home-hero = Intercambia ayuda por horas
pg-home-lead = HourBank es un banco de tiempo: con una hora de jardinería consigues una hora de clases particulares. La hora de cada miembro vale lo mismo.
pg-create-account = Crear una cuenta
pg-home-or = {" "}o{" "}
pg-home-log-in-lower = iniciar sesión
pg-home-services-heading = Servicios que ofrecen los miembros
pg-services-title = Servicios — HourBank
pg-services = Servicios
pg-services-search-label = Busca por título, categoría o proveedor
pg-services-search = Buscar
pg-services-all = Todos los servicios
pg-services-matching = Servicios que coinciden
pg-services-none = Ningún servicio coincide.
pg-service-by = {" "}· por{" "}
pg-service-meta = {" "}· { $rating } · responde en { $hours ->
        [one] una hora
       *[other] { $hours } horas
    }
pg-log-in = Iniciar sesión
pg-service-login-to-request = {" "}para solicitar este servicio.
pg-service-own = Este es tu propio servicio.{" "}
pg-service-manage = Gestiona tus servicios
pg-service-closed = Este servicio no acepta solicitudes ahora mismo.
pg-service-request-heading = Solicita este servicio
pg-service-duration = Duración (horas)
pg-service-message = Mensaje para el proveedor
pg-service-cost-after = Esto retiene { $cost } de tus horas hasta que el servicio esté hecho; después te quedarían { $after } disponibles.
pg-service-cost = Esto retiene { $cost } de tus horas.
pg-service-hint = Tienes { $available } disponibles. La tarifa habitual es { $rate } (una hora de crédito por hora); el proveedor puede proponer otras condiciones.
pg-service-send = Enviar solicitud
pg-my-services-title = Mis servicios — HourBank
pg-my-services = Mis servicios
pg-my-services-offer-heading = Ofrece un servicio
pg-my-services-title-label = Título
pg-my-services-category = Categoría
pg-my-services-description = Descripción
pg-my-services-window-new = Respondes a las solicitudes en (horas, de { $min } a { $max })
pg-my-services-offer = Ofrecer el servicio
pg-my-services-yours = Tus servicios
pg-my-services-none = Todavía no ofreces ningún servicio.
pg-my-services-status-active = activo
pg-my-services-status-paused = en pausa
pg-my-services-status-retired = retirado
pg-my-services-edit = Editar
pg-my-services-window = Plazo de respuesta (horas)
pg-save = Guardar
pg-saved = Guardado.
pg-my-services-pause = Pausar
pg-my-services-resume = Reanudar
pg-my-services-retire = Retirar
pg-profile-reviews = Reseñas
pg-profile-no-reviews = Todavía no hay reseñas.
pg-profile-review = { $stars } de 5, según { $by }
pg-profile-review-comment = { $stars } de 5, según { $by }: “{ $comment }”
pg-login-title = Iniciar sesión — HourBank
pg-email = Correo electrónico
pg-password = Contraseña
pg-forgot-question = ¿Has olvidado tu contraseña?
pg-login-new-here = ¿Primera vez por aquí?{" "}
pg-signup-title = Registrarse — HourBank
pg-signup-heading = Crea tu cuenta
pg-signup-name = Tu nombre (lo verán otros miembros)
pg-signup-password = Contraseña (al menos { $min } caracteres)
pg-sign-up = Registrarse
pg-signup-already = ¿Ya eres miembro?{" "}
pg-forgot-title = Contraseña olvidada — HourBank
pg-forgot-intro = Indica la dirección con la que te registraste; le enviaremos un enlace para crear una contraseña nueva.
pg-forgot-send = Envíame un enlace
pg-forgot-back = Volver a iniciar sesión
pg-reset-title = Crea una contraseña nueva — HourBank
pg-reset-heading = Crea una contraseña nueva
pg-reset-password = Contraseña nueva (al menos { $min } caracteres)
pg-reset-submit = Guardar la contraseña e iniciar sesión
pg-reset-new-link = Pide un enlace nuevo
pg-verify-title = Confirma tu dirección — HourBank
pg-verify-heading = Confirma tu dirección
pg-verify-done = Gracias: tu dirección está confirmada.{" "}
pg-verify-choose = Elige qué te llega por correo electrónico
pg-verify-submit = Confirmar mi dirección
pg-unsubscribe-title = Dejar de recibir correos — HourBank
pg-unsubscribe-heading = Dejar de recibir correos
pg-unsubscribe-done = Hecho: HourBank ya no te enviará más correos. Tus notificaciones siguen en la aplicación y puedes volver a activar el correo en tus ajustes.
pg-unsubscribe-invalid = Este enlace no es válido. Desactiva el correo en tus ajustes.
pg-unsubscribe-question = ¿Quieres dejar de recibir todos los correos de HourBank? Las notificaciones siguen en la aplicación.
pg-unsubscribe-submit = Dejar de recibir correos
pg-settings-title = Ajustes — HourBank
pg-settings-heading = Ajustes
pg-settings-mail-off = Este banco no envía correos: te enteras de todo aquí, en Notificaciones.
pg-settings-verified = verificada
pg-settings-not-verified = aún sin verificar: no te enviaremos nada más hasta que la confirmes
pg-settings-resend = Enviar de nuevo el enlace de confirmación
pg-settings-resent = Enviado. El enlace funciona durante tres días.
pg-settings-mode-legend = Qué te llega por correo electrónico
pg-settings-mode-immediate = Cada paso en el momento, y recordatorios antes de que actúe el temporizador
pg-settings-mode-digest = Un resumen al día, a las { $hour }:00 UTC
pg-settings-mode-off = Nada (la aplicación guarda todas las notificaciones)
pg-settings-bank-zone = La zona del banco ({ $zone })
pg-settings-zone-heading = Zona horaria
pg-settings-zone-label = Todas las horas se te muestran en
pg-settings-zone-save = Guardar la zona horaria
pg-settings-calendar-heading = Calendario
pg-settings-calendar-intro = Suscríbete a esta dirección privada desde tu aplicación de calendario para ver el trabajo que acordaste, con su hora de inicio:
pg-settings-calendar-feed = La dirección de tu calendario
pg-settings-calendar-hint = Cualquiera que tenga la dirección ve el trabajo que acordaste. Si se ha filtrado, crea una nueva: la antigua dejará de funcionar.
pg-settings-calendar-renew = Crear una dirección nueva
pg-settings-calendar-renewed = Hecho: ahora solo funciona la dirección de arriba.
pg-not-found-title = Página no encontrada — HourBank
pg-not-found-heading = Página no encontrada
pg-not-found-text = No hay ninguna página en esta dirección. Puede que se haya movido o que el enlace esté mal escrito.
pg-not-found-back = Volver a la página de inicio

pg-rating = { $average } ★ ({ $count })
pg-not-rated = aún sin valoraciones

## Requests: the request page, lists, balance, notifications, terms

# Páginas y componentes de solicitudes (solicitudes, bandeja de entrada, saldo, notificaciones, condiciones).

rq-actor-admin = un administrador
rq-actor-timer = el temporizador
rq-request-page-title = Solicitud — HourBank
rq-loading = Cargando…
rq-round-starting = , con inicio: { $time }
rq-role-requester = Has pedido este servicio.
rq-role-provider = Tú ofreces este servicio.
rq-role-admin = Estás viendo esta solicitud como administrador.
rq-counter-offer = Contraoferta
rq-counter-hours = Horas
rq-counter-message = Mensaje
rq-split-minutes = Minutos para el proveedor (de 1 a { $max })
rq-deadline = Plazo: { $time } ({ $remaining }); después, { $then }.
rq-auto-start = El inicio se confirmó automáticamente.
rq-auto-completion = La finalización se confirmó automáticamente.
rq-detail-page-title = { $service } — solicitud — HourBank
rq-lead = { $requester } ha pedido a { $provider } ·{" "}
rq-status = Estado:{" "}
rq-waiting-for = Esperando a { $who }.
rq-add-to-calendar = Añadir al calendario (.ics)
rq-what-you-can-do = Qué puedes hacer
rq-nothing-right-now = Nada por ahora.
rq-negotiation = Negociación
rq-round = Ronda { $n }, { $who }: { $terms }
rq-ratings = Valoraciones
rq-rating = { $who }: { $stars } de 5{ $comment }
rq-stars = Estrellas
rq-stars-5 = 5 — excelente
rq-stars-4 = 4 — bien
rq-stars-3 = 3 — correcto
rq-stars-2 = 2 — flojo
rq-stars-1 = 1 — mal
rq-rate-comment = Comentario (opcional)
rq-rate = Valorar
rq-history = Historial
rq-auto-confirmed-badge = {" "}confirmado automáticamente
rq-event-details = detalles del evento { $seq }
rq-lifecycle-heading = En qué punto del ciclo de vida está esta solicitud
rq-terms-line = { $duration } a tarifa { $rate } — cuesta { $cost }
rq-start-agreed = Inicio acordado: { $time }
rq-start-proposed = Inicio propuesto: { $time }
rq-start-not-set = Inicio: sin fijar (acuérdalo en los mensajes)
rq-rate-label = Tarifa (horas de crédito por hora, de { $min } a { $max })
rq-start-optional = Inicio (opcional)
rq-start-hint = Fecha y hora en tu zona horaria, { $zone }; como máximo con { $days } días de antelación.
rq-col-provider = Proveedor
rq-col-requester = Solicitante
rq-filter-label = Filtrar por estado
rq-filter-open = Abiertas
rq-filter-closed = Cerradas
rq-filter-all = Todas
rq-nothing-here = No hay nada aquí.
rq-col-service = Servicio
rq-col-status = Estado
rq-col-hours = Horas
rq-col-start = Inicio
rq-col-next-deadline = Próximo plazo
rq-your-turn-badge = {" "}te toca
rq-my-requests-page-title = Mis solicitudes — HourBank
rq-my-requests = Mis solicitudes
rq-my-requests-intro = Servicios que has pedido a otros miembros.{" "}
rq-find-a-service = Buscar un servicio
rq-inbox-page-title = Bandeja de entrada — HourBank
rq-inbox = Bandeja de entrada
rq-inbox-intro = Solicitudes de tus servicios. Primero, las que esperan tu respuesta.
rq-bucket-available = disponible
rq-bucket-held = retenido
rq-transfer-grant = concesión
rq-transfer-deduct = deducción
rq-transfer-hold = retención
rq-transfer-post = pago
rq-transfer-void = devolución
rq-transfer-adjust = ajuste
rq-balance-page-title = Saldo — HourBank
rq-balance-heading = Saldo y extracto
rq-balance-available = Disponible
rq-balance-held = Horas retenidas
rq-balance-download-csv = Descargar el extracto en CSV
rq-balance-caption = Todos los movimientos de tus horas, primero los más recientes
rq-balance-col-when = Cuándo
rq-balance-col-what = Qué
rq-balance-col-part = Parte de la cuenta
rq-balance-col-minutes = Minutos
rq-balance-col-request = Solicitud
rq-balance-open = abrir
rq-notifications-page-title = Notificaciones — HourBank
rq-notifications = Notificaciones
rq-mark-all-read = Marcar todas como leídas
rq-no-notifications = Todavía no tienes notificaciones.
rq-mark-read = Marcar como leída

ld-starting-credit = crédito inicial
ld-escrow-hold = horas retenidas
ld-hold-adjusted = retención ajustada a las condiciones negociadas
ld-payment = pago
ld-refund = devolución
ld-dispute-split = reparto de la disputa

## Admin pages

# Páginas de administración (panel, disputas, miembros).

ad-loading = Cargando…
ad-admins-only = Solo para administradores
ad-admins-only-text = Esta página es para los administradores de HourBank.
ad-back-to-start = Volver a la página de inicio
ad-timing = mediana { $median }, p90 { $p90 } (de { $count })
ad-no-data-yet = aún no hay datos
ad-chart-label = Solicitudes por día según el resultado (la tabla de abajo tiene las cifras)
ad-dashboard-page-title = Panel — HourBank (administración)
ad-dashboard-heading = Panel
ad-open-disputes = Disputas abiertas
ad-members = Miembros
ad-conservation = Conservación
ad-conservation-balanced = Equilibrado
ad-conservation-broken = ROTO
ad-conservation-detail = suma de todos los saldos { $total } min · { $mismatched } cuentas no cuadran con sus apuntes · { $negative } en negativo · { $unbalanced } transferencias descuadradas
ad-conservation-checked = Comprobado
ad-in-escrow-now = Horas retenidas ahora
ad-success-rate = Tasa de éxito
ad-success-rate-hint = pagadas ÷ cerradas
ad-auto-confirmed = Confirmadas automáticamente
ad-auto-confirmed-counts = { $starts ->
        [one] { $starts } inicio
       *[other] { $starts } inicios
    }, { $completions ->
        [one] { $completions } finalización
       *[other] { $completions } finalizaciones
    }
ad-timings = Tiempos
ad-timings-window = Solicitudes hechas en los últimos { $count } días.
ad-response-time = Tiempo hasta la respuesta del proveedor: { $timing }
ad-payment-time = Tiempo desde la solicitud hasta el pago: { $timing }
ad-requests-by-state = Solicitudes por estado ahora
ad-col-state = Estado
ad-col-requests = Solicitudes
ad-last-days = { $count ->
        [one] El último día
       *[other] Los últimos { $count } días
    }
ad-col-day = Día
ad-alarms = Alarmas
ad-alarms-none = Ninguna.
ad-mail = Correo electrónico
ad-mail-off = El correo está desactivado: no hay ningún servidor SMTP configurado (HOURBANK_SMTP_URL), así que los miembros solo se enteran de todo dentro de la aplicación.
ad-mail-queue = { $waiting } en espera · { $sent } enviados hoy · { $failing } con fallos
ad-needing-attention = Necesita atención
ad-attention-none = Nada: todos los temporizadores se han ejecutado.
ad-retry = Reintentar
ad-party-requester = solicitante
ad-party-provider = proveedor
ad-disputes-page-title = Disputas — HourBank (administración)
ad-disputes-intro = Primero las más antiguas. Abre una para ver todo su historial y resolverla: reanudar, pagar al proveedor, devolver las horas o repartirlas.
ad-no-open-disputes = No hay disputas abiertas.
ad-col-opened = Abierta
ad-col-service = Servicio
ad-col-requester = Solicitante
ad-col-provider = Proveedor
ad-col-raised-by = Abierta por
ad-col-reason = Motivo
ad-col-paused-in = Pausada en
ad-col-held = Retenidas
ad-role-admin = administrador
ad-role-member = miembro
ad-status-active = activo
ad-status-deactivated = desactivado
ad-members-page-title = Miembros — HourBank (administración)
ad-member-search-label = Buscar por nombre o correo electrónico
ad-member-search = Buscar
ad-members-shown = Miembros { $first }–{ $last } de { $total }
ad-members-none = Ningún miembro coincide.
ad-members-past-end = No hay miembros en esta página; coinciden { $total } en total.
ad-members-pages = Páginas de miembros
ad-page-previous = ← Página anterior
ad-page-next = Página siguiente →
ad-login-please = Por favor,{" "}
ad-login-link = inicia sesión
ad-login-as-admin = {" "}como administrador para ver esta página.
ad-col-name = Nombre
ad-col-email = Correo electrónico
ad-col-role = Rol
ad-col-available = Disponible
ad-col-status = Estado
ad-col-action = Acción
ad-deactivate-member = Desactivar a { $name }
ad-reactivate-member = Reactivar a { $name }
ad-deactivate = Desactivar
ad-reactivate = Reactivar
ad-member-page-title = Miembro — HourBank (administración)
ad-adjust-heading = Dar o quitar horas
ad-adjust-minutes = Minutos (en negativo para quitar)
ad-adjust-reason = Motivo (obligatorio, queda en el libro de cuentas)
ad-adjust-apply = Aplicar
ad-col-as = Como
ad-col-with = Con
ad-col-cost = Coste
ad-statement = Extracto
ad-col-when = Cuándo
ad-col-what = Qué
ad-col-part = Parte
ad-col-minutes = Minutos

## Errors and refusals of forms and server functions

# Errores, rechazos y respuestas en texto plano (prefijo er-), en español.

## Comprobación de los datos de la cuenta

er-email-required = Escribe tu dirección de correo electrónico.
er-email-too-long = Esa dirección de correo electrónico es demasiado larga.
er-email-invalid = Eso no parece una dirección de correo electrónico (nombre@example.org).
er-name-required = Escribe el nombre que verán los demás miembros.
er-name-too-long = Tu nombre puede tener como máximo { $max } caracteres.
er-name-unprintable = Tu nombre contiene caracteres que no podemos mostrar.
er-password-too-short = Elige una contraseña de al menos { $min } caracteres.
er-password-too-long = Una contraseña puede tener como máximo { $max } caracteres.
er-password-required = Escribe tu contraseña.
er-login-unknown-email = Ninguna cuenta usa esa dirección de correo electrónico. Revísala o regístrate.
er-login-wrong-password = La contraseña no es correcta para esa dirección de correo electrónico.
er-login-deactivated = Esta cuenta está desactivada. Ponte en contacto con un administrador.
er-email-taken = Ya existe una cuenta con esa dirección de correo electrónico. ¿Quieres iniciar sesión?

## Números dentro de frases: { $n } por debajo de 1000; { $thousands } es el resto del número (ya agrupado), { $units } sus tres últimas cifras (de "000" a "999").

er-number = { $n }
er-thousands = { $thousands }.{ $units }

## Comprobación de servicios y búsquedas

er-title-required = Escribe un título.
er-title-too-long = El título puede tener como máximo { $max } caracteres.
er-title-unprintable = El título contiene caracteres que no podemos mostrar.
er-description-too-long = La descripción puede tener como máximo { $max } caracteres.
er-description-unprintable = La descripción contiene caracteres que no podemos mostrar.
er-category-required = Escribe una categoría.
er-category-too-long = La categoría puede tener como máximo { $max } caracteres.
er-category-unprintable = La categoría contiene caracteres que no podemos mostrar.
er-response-window = El plazo de respuesta debe ser de { $min } a { $max } horas.
er-search-too-long = El texto de búsqueda puede tener como máximo { $max } caracteres.
er-page-number = El número de página debe ser un número entero de 1 a { $max }.
er-search-unprintable = El texto de búsqueda contiene caracteres que no podemos mostrar.
er-service-id-malformed = Ese identificador de servicio no es válido.
er-service-not-editable = No tienes ese servicio (los servicios retirados no se pueden editar).
er-service-status = Elige activo, en pausa o retirado.
er-service-stays-retired = No tienes ese servicio (un servicio retirado sigue retirado).

## Cosas que no existen. { $what } es lo que se buscó, en inglés.

er-no-such-request = Esa solicitud no existe.
er-no-such-service = Ese servicio no existe.
er-no-such-member = Ese miembro no existe.
er-no-such-ledger-account = Esa cuenta de horas no existe.
er-no-such-thing = No existe: { $what }.
er-no-such-calendar = Ese calendario no existe.
er-no-such-service-title = (servicio inexistente)
er-no-counterpart = —
er-party-requester = solicitante
er-party-provider = proveedor

## Solicitudes

er-request-id-malformed = Ese identificador de solicitud no es válido.
er-start-malformed = Escribe el inicio como fecha y hora, por ejemplo 2027-03-08 10:00.
er-start-skipped = { $time } no existe en { $zone } (los relojes se saltan esa hora): elige otra hora.
er-rate-malformed = Escribe la tarifa como un número, por ejemplo 1 o 1,25.
er-choose-party = Elige solicitante o proveedor.
er-unknown-action = Acción desconocida.
er-ask-not-asked = Solo el sistema puede dar ese paso.
er-ask-missing-terms = Escribe las condiciones de la contraoferta.
er-hours-required = Escribe las horas.
er-hours-whole = Escribe las horas como un número entero.
er-split-required = Escribe los minutos para el proveedor.
er-split-whole = Escribe los minutos para el proveedor como un número entero.
er-request-changed = Esta solicitud ha cambiado; vuelve a cargarla y prueba otra vez.
er-not-enough-hours = No tienes suficientes horas disponibles.
er-not-enough-hours-for-this = No tienes suficientes horas disponibles para esto.
er-already-rated = Ya has valorado esta solicitud.
er-notification-id-malformed = Ese identificador de notificación no es válido.

## Administración

er-reason-length = Indica un motivo de 1 a { $max } caracteres.
er-reason-unprintable = El motivo contiene caracteres que no podemos mostrar.
er-member-id-malformed = Ese identificador de miembro no es válido.
er-deactivate-self = No puedes desactivar tu propia cuenta.
er-adjust-minutes = Escribe un número de minutos distinto de cero (como máximo { $max } horas).
er-retry-not-flagged = Esa solicitud no está pendiente de revisión.
er-retry-failed-again = El temporizador ha vuelto a fallar; mira el error de abajo.

## Correo electrónico, contraseñas y zonas horarias

er-email-mode = Elige correo al momento, un resumen diario o ninguno.
er-no-mail-verify = Este banco no envía correos electrónicos, así que no hay nada que verificar.
er-already-verified = Tu dirección ya está verificada.
er-verify-link-expired = Este enlace ha caducado o ya se ha usado. Pide uno nuevo en tu página de Ajustes.
er-reset-sent = Si alguna cuenta usa esa dirección, le hemos enviado un enlace para elegir una contraseña nueva. El enlace funciona una sola vez, durante una hora.
er-no-mail-reset = Este banco no envía correos electrónicos. Pide a un administrador que te ayude a entrar en tu cuenta.
er-reset-link-expired = Este enlace ha caducado o ya se ha usado. Pide uno nuevo.
er-time-zone = Elige una zona horaria de la lista, como Europe/Madrid.
er-unsubscribed = Baja hecha: no recibirás más correos.
er-unsubscribe-invalid = Este enlace para darte de baja no es válido.

## Errores que puede mostrar cualquier página

er-unauthenticated = Primero inicia sesión.
er-forbidden = No tienes permiso para hacer eso.
er-rate-limited = Demasiados intentos. Espera un minuto y vuelve a probar.
er-internal = Algo ha fallado por nuestra parte. Vuelve a probar.
er-internal-short = Algo ha fallado por nuestra parte.
er-form-malformed = El formulario estaba incompleto o mal formado ({ $detail }).
er-unreachable = No hemos podido conectar con HourBank. Revisa tu conexión y vuelve a probar.
er-page-title = Algo ha fallado
er-page-back = Volver a la página de inicio

## Los nombres de las columnas del CSV del extracto (una palabra cada uno, sin comas).

er-csv-time = hora
er-csv-time-utc = hora_utc
er-csv-kind = tipo
er-csv-bucket = apartado
er-csv-minutes = minutos
er-csv-request-id = id_solicitud
er-csv-reason = motivo

## The lifecycle: states, events, holds, notices, refusals, e-mails, calendars

# Las palabras del ciclo de vida (lc-): estados, pasos, botones, horas retenidas, rechazos,
# notificaciones, sus correos y los eventos del calendario.

## States

lc-state-initiated = enviada
lc-state-validating = en revisión
lc-state-escrowed = horas retenidas
lc-state-awaiting-response = esperando al proveedor
lc-state-negotiating = en negociación
lc-state-accepted = aceptada
lc-state-pending-start-confirmation = inicio por confirmar
lc-state-in-progress = en curso
lc-state-pending-completion-confirmation = finalización por confirmar
lc-state-disputed = en disputa
lc-state-completed = completada
lc-state-paid = pagada
lc-state-rejected = rechazada
lc-state-expired = caducada
lc-state-cancelled = cancelada
lc-state-resolved = resuelta por un administrador
lc-daily-started = iniciada

## Events, as the history and the refusals say them

lc-verb-submit = enviar
lc-verb-start-validation = revisar
lc-verb-checks-passed = retener horas
lc-verb-checks-failed = denegar
lc-verb-notify-provider = avisar al proveedor
lc-verb-accept = aceptar
lc-verb-decline = rechazar
lc-verb-counter = hacer una contraoferta
lc-verb-withdraw = retirar
lc-verb-cancel = cancelar
lc-verb-member-deactivated = cancelar (miembro desactivado)
lc-verb-mark-started = marcar como empezado
lc-verb-confirm-start = confirmar el inicio
lc-verb-mark-completed = marcar como terminado
lc-verb-confirm-completion = confirmar la finalización
lc-verb-process-payment = pagar
lc-verb-dispute = abrir una disputa
lc-verb-resume = reanudar
lc-verb-pay-provider = pagar al proveedor
lc-verb-refund = reembolsar
lc-verb-split = repartir
lc-verb-deadline = plazo vencido

## Buttons of the request page

lc-button-accept = Aceptar
lc-button-decline = Rechazar
lc-button-counter = Enviar contraoferta
lc-button-withdraw = Retirar solicitud
lc-button-cancel = Cancelar
lc-button-mark-started = Marcar como empezado
lc-button-confirm-start = Confirmar inicio
lc-button-mark-completed = Marcar como terminado
lc-button-confirm-completion = Confirmar finalización
lc-button-dispute = Abrir una disputa
lc-button-resume = Reanudar
lc-button-pay-provider = Pagar al proveedor
lc-button-refund = Reembolsar al solicitante
lc-button-split = Repartir

## The text typed with an event: its name (lowercase) and its form label

lc-field-dispute-reason = motivo de la disputa
lc-field-note = nota
lc-field-reason = motivo
lc-field-message = mensaje
lc-field-text = texto
lc-field-comment = comentario
lc-label-dispute = ¿Qué ha ido mal?
lc-label-required = { $name } (obligatorio)
lc-label-optional = { $name } (opcional)

## What the timer does when a deadline passes

lc-on-fire-expire = la solicitud caduca y las horas vuelven
lc-on-fire-confirm-start = el inicio se confirma automáticamente
lc-on-fire-confirm-completion = la finalización se confirma automáticamente y se paga al proveedor
lc-on-fire-timer = actúa el temporizador

## Whom a request waits for, and to do what; { $step } is one of lc-step-*

lc-step-awaiting-response = para aceptar, rechazar o hacer una contraoferta
lc-step-negotiating = para responder a la contraoferta
lc-step-accepted = para marcar el servicio como empezado
lc-step-pending-start-confirmation = para confirmar el inicio
lc-step-in-progress = para marcar el servicio como terminado
lc-step-pending-completion-confirmation = para confirmar la finalización
lc-step-disputed = para resolver la disputa
lc-waiting-requester = { $name } (el solicitante) { $step }
lc-waiting-provider = { $name } (el proveedor) { $step }
lc-waiting-admin = un administrador { $step }
lc-waiting-nobody = nadie: esta solicitud está cerrada

## Why a closed request ended

lc-end-not-sent = No enviada: { $reason }
lc-end-declined = Rechazada.
lc-end-declined-reason = Rechazada: { $reason }
lc-end-expired = Ha caducado sin respuesta; las horas han vuelto.
lc-end-withdrawn = Retirada por el solicitante.
lc-end-cancelled-by-provider = Cancelada por el proveedor.
lc-end-cancelled-by-provider-reason = Cancelada por el proveedor: { $reason }
lc-end-member-deactivated = Cancelada porque se ha desactivado a un miembro.
lc-end-dispute-refunded = Un administrador ha reembolsado al solicitante.
lc-end-dispute-split = Un administrador ha repartido las horas.

## Where a request's hours are

lc-hold-none = No hay nada retenido.
lc-hold-pending = Horas retenidas: { $amount }.
lc-hold-posted = Pagado al proveedor: { $amount }.
lc-hold-voided = Devuelto al solicitante: { $amount }.
lc-hold-split = Pagado al proveedor: { $provider }; devuelto al solicitante: { $requester }.

## Terms that cannot be offered

lc-terms-duration = Las horas deben ir de { $min } a { $max }, en pasos de { $step } minutos.
lc-terms-rate = La tarifa debe ir de { $min } a { $max } horas de crédito por hora.
lc-terms-message-too-long = El mensaje puede tener como máximo { $max } caracteres.
lc-terms-message-unprintable = El mensaje contiene caracteres que no podemos mostrar.
lc-terms-start-passed = La hora de inicio ya ha pasado: elige una más tarde.
lc-terms-start-too-far = El inicio puede ser, como mucho, dentro de { $days } días.

## Checks that failed at submission

lc-failure-requester-inactive = Tu cuenta no está activa.
lc-failure-provider-inactive = La cuenta del proveedor no está activa.
lc-failure-own-service = No puedes solicitar tu propio servicio.
lc-failure-service-unavailable = Este servicio no existe o no acepta solicitudes.
lc-failure-insufficient-balance = No tienes suficientes horas: esta solicitud cuesta { $cost } y tienes { $available } disponibles.
lc-failure-duplicate-open-request = Ya tienes una solicitud abierta para este servicio.
lc-failure-too-many-open-requests = { $limit ->
    [one] Tienes { $limit } solicitud abierta, el máximo permitido. Termínala o retírala primero.
   *[other] Tienes { $limit } solicitudes abiertas, el máximo permitido. Termina o retira una primero.
}

## Why an action was refused

lc-rejection-not-a-party = Solo el solicitante o el proveedor de esta solicitud pueden hacer eso.
lc-rejection-closed = Esta solicitud ya está cerrada ({ $state }); no puede cambiar nada más.
lc-rejection-wrong-actor-requester = Ahora solo el solicitante puede { $action }.
lc-rejection-wrong-actor-provider = Ahora solo el proveedor puede { $action }.
lc-rejection-wrong-actor-admin = Ahora solo un administrador puede { $action }.
lc-rejection-wrong-actor-timer = Ahora solo el temporizador puede { $action }.
lc-rejection-wrong-actor-system = Ahora solo el sistema puede { $action }.
lc-rejection-not-now = No puedes { $action } una solicitud en estado «{ $state }».
lc-rejection-not-your-turn = Le toca al otro miembro responder a esta oferta.
lc-rejection-round-limit = { $max ->
    [one] Esta negociación ya ha tenido su contraoferta: acepta o rechaza.
   *[other] Esta negociación ya ha tenido sus { $max } contraofertas: acepta o rechaza.
}
lc-rejection-text-required = Rellena el campo «{ $what }».
lc-rejection-text-too-long = El campo «{ $what }» puede tener como máximo { $max } caracteres.
lc-rejection-text-unprintable = El campo «{ $what }» contiene caracteres que no podemos mostrar.
lc-rejection-invalid-split = Un reparto debe dar al proveedor entre 1 minuto y { $max } (las horas retenidas son { $hold }).
lc-rejection-deadline-not-due = El plazo aún no ha vencido.
lc-rejection-stale-deadline = Ese plazo ya no se aplica.
lc-rejection-already-submitted = Una solicitud solo se envía una vez.
lc-rejection-not-rateable = Podrás valorar al otro miembro cuando la solicitud esté pagada.
lc-rejection-invalid-stars = Elige de 1 a 5 estrellas.
lc-rejection-inconsistent = El registro de esta solicitud es incoherente ({ $detail }); un administrador tiene que revisarlo.
lc-ask-not-asked = Solo el sistema puede dar ese paso.
lc-ask-missing-terms = Indica las condiciones de la contraoferta.
lc-ask-missing-share = Indica los minutos para el proveedor.

## Offers in notifications; { $start } is a date and time

lc-offer = { $duration } a tarifa { $rate } (cuesta { $cost })
lc-offer-starting = { $duration } a tarifa { $rate } (cuesta { $cost }), con inicio el { $start }

## Notifications; { $deadline } is a date and time

lc-notice-not-sent = Tu solicitud no se ha enviado: { $reason }
lc-notice-new-request = Nueva solicitud: { $offer }. Responde antes del { $deadline }; si no, caduca y las horas vuelven.
lc-notice-counter-offer = Contraoferta (ronda { $round }): { $offer }. Responde antes del { $deadline }.
lc-notice-accepted = Solicitud aceptada: { $offer }.
lc-notice-declined = La solicitud se ha rechazado; las horas han vuelto.
lc-notice-declined-reason = La solicitud se ha rechazado: { $reason }. Las horas han vuelto.
lc-notice-withdrawn = El solicitante ha retirado la solicitud.
lc-notice-cancelled-by-provider = El proveedor ha cancelado la solicitud; las horas han vuelto.
lc-notice-cancelled-by-provider-reason = El proveedor ha cancelado la solicitud; las horas han vuelto: { $reason }
lc-notice-cancelled-by-deactivation = La solicitud se ha cancelado porque se ha desactivado a un miembro.
lc-notice-marked-started = El proveedor dice que el servicio ha empezado. Confírmalo; se confirmará automáticamente el { $deadline }.
lc-notice-start-confirmed = El solicitante ha confirmado el inicio.
lc-notice-marked-completed = El proveedor dice que el servicio está terminado. Confírmalo; el { $deadline } se confirmará automáticamente y se pagará al proveedor.
lc-notice-expired = La solicitud ha caducado sin respuesta; las horas han vuelto.
lc-notice-start-auto-confirmed = El inicio se ha confirmado automáticamente después de { $after }.
lc-notice-completion-auto-confirmed = La finalización se ha confirmado automáticamente después de { $after }.
lc-notice-paid = Pagado: el proveedor ha recibido { $amount }. Ya podéis valoraros mutuamente.
lc-notice-dispute-raised = Se ha abierto una disputa; todo queda en pausa hasta que un administrador la resuelva.
lc-notice-dispute-by-requester = El solicitante ha abierto una disputa: { $reason }
lc-notice-dispute-by-provider = El proveedor ha abierto una disputa: { $reason }
lc-notice-resumed = Un administrador ha reanudado la solicitud: { $note }
lc-notice-paid-by-admin = Un administrador ha pagado { $amount } al proveedor: { $note }
lc-notice-refunded-by-admin = Un administrador ha reembolsado { $amount } al solicitante: { $note }
lc-notice-split-by-admin = Un administrador ha repartido las horas: { $provider } para el proveedor y { $requester } de vuelta: { $note }
lc-notice-rated = Te han valorado con { $stars } de 5.
lc-notice-reminder = Recordatorio: tienes hasta el { $deadline } { $step }; después, { $then }.
lc-notice-starts-soon = Recordatorio: el trabajo acordado empieza el { $start }.
lc-notice-timer-failing = El temporizador de una solicitud sigue fallando y necesita un administrador: { $error }
lc-notice-mail-failing = { $failing ->
    [one] { $failing } correo sigue sin poder enviarse: { $error }
   *[other] { $failing } correos siguen sin poder enviarse: { $error }
}
lc-notice-ledger-unbalanced = La comprobación de conservación del libro de cuentas no cuadra: { $detail }

## Notification e-mail subjects

lc-subject-not-sent = Tu solicitud no se ha enviado
lc-subject-new-request = Nueva solicitud: responde, por favor
lc-subject-counter-offer = Contraoferta (ronda { $round })
lc-subject-accepted = Solicitud aceptada
lc-subject-declined = Solicitud rechazada
lc-subject-withdrawn = Solicitud retirada
lc-subject-cancelled = Solicitud cancelada
lc-subject-confirm-start = Confirma el inicio, por favor
lc-subject-start-confirmed = Inicio confirmado
lc-subject-confirm-completion = Confirma la finalización, por favor
lc-subject-expired = Solicitud caducada
lc-subject-start-auto-confirmed = Inicio confirmado automáticamente
lc-subject-completion-auto-confirmed = Finalización confirmada automáticamente
lc-subject-paid = Horas pagadas
lc-subject-dispute-raised = Se ha abierto una disputa
lc-subject-dispute-to-resolve = Una disputa por resolver
lc-subject-dispute-resolved = Disputa resuelta
lc-subject-rated = Te han valorado
lc-subject-reminder = Recordatorio: el temporizador actuará pronto
lc-subject-starts-soon = Recordatorio: el trabajo acordado empieza pronto
lc-subject-timer-failing = Alarma: un temporizador sigue fallando
lc-subject-mail-failing = Alarma: el correo sigue fallando
lc-subject-ledger-unbalanced = Alarma: el libro de cuentas no cuadra

## E-mails

lc-mail-open-request = Abrir la solicitud
lc-mail-digest-subject = Tu día en { $bank }: { $count ->
    [one] { $count } novedad
   *[other] { $count } novedades
}
lc-mail-digest-intro = Esto es lo que ha pasado desde tu último resumen.
lc-mail-verify-subject = Confirma tu dirección de correo electrónico
lc-mail-verify-body = Confirma que esta es tu dirección, para que { $bank } pueda avisarte cuando un miembro te responda o el temporizador actúe sobre tus horas.
lc-mail-verify-link = Confirmar mi dirección
lc-mail-set-password = Crea una contraseña nueva
lc-mail-reset-body = Alguien ha pedido crear una contraseña nueva para tu cuenta. Si has sido tú, el enlace de abajo funciona una sola vez, durante una hora. Si no, ignora este correo: tu contraseña seguirá igual.
lc-mail-no-more = Dejar de recibir correos de { $bank }

## Calendar events

lc-cal-service = Servicio de HourBank
lc-cal-the-provider = el proveedor
lc-cal-for = { $title } para { $name }
lc-cal-with = { $title } con { $name }
lc-cal-description = { $duration } a tarifa { $rate } ({ $cost } de crédito). Estado: { $state }. { $link }
lc-cal-name = { $bank }: trabajo acordado

## The lifecycle graph

lc-graph-title = Ciclo de vida de una solicitud de servicio
lc-graph-went = Ciclo de vida de una solicitud. Esta ha pasado por { $path } y ahora está en estado «{ $state }».
lc-graph-then = { $before }, luego { $after }
