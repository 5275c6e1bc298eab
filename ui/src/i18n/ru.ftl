# Интерфейс Faultlines на русском.
#
# Every string the interface shows is a message here and in en.ftl, with the
# same ids (a Vitest check holds the two files to each other). Messages are
# grouped by the part of the interface that shows them; add new ones to the
# section of their part, or start a new section with a "## Section" comment.
# Counts take Russian plural forms: [one] 1, 21 событие; [few] 2–4, 22
# события; [many] 5–20, 25 событий; [other] дробные.

## Page and toolbar

page-title = Faultlines — история ОДКБ на карте
skip-to-map = Перейти к карте
dataset-loading = Загрузка истории…
dataset-summary = { $events ->
        [one] { $events } событие
        [few] { $events } события
       *[many] { $events } событий
    } · { $excerpts ->
        [one] { $excerpts } отрывок
        [few] { $excerpts } отрывка
       *[many] { $excerpts } отрывков
    } · { $from }–{ $to }
toolbar =
    .aria-label = Вид
read-article = Читать статью
follow-story = Следить за историей
names-label = Названия
names-select =
    .aria-label = Язык названий мест
names-en = English
names-ru = Русский
interface-language = Язык
interface-language-select =
    .aria-label = Язык интерфейса
locale-en = English
locale-ru = Русский
theme-dark = Тёмная тема
map-region =
    .aria-label = Карта

## Errors and notices

error-bad-date = Не удалось прочитать дату
error-unknown-region = Неизвестное место
error-unknown-event = Неизвестное событие
error-invalid-dataset = Набор данных некорректен
error-too-large = Слишком большой запрос
error-not-found = Не найдено
error-bad-request = Не удалось прочитать запрос
error-range-inverted = Начало позже конца
error-unknown-excerpt = Неизвестный отрывок
error-unknown-layer = Неизвестный слой карты
error-import-failed = Ничего не импортировано
error-cancelled = Отменено
error-internal = Внутренняя ошибка
error-other = Ошибка
error-coded = { $code }: { $message }
error-unexpected = Что-то пошло не так: { $what }

## Errors in words: one sentence per error code, import failure and shell notice,
## filled from the error's details (ui/src/i18n/errors.ts). $where is "file:line"
## or "file: record"; a sentence whose parameter is missing gives way to the
## English message the core sent.

error-text-bad-date = «{ $value }» — не дата (пишите ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД)
error-text-bad-request = { $param } = «{ $value }» здесь недопустимо
error-text-range-inverted = Начало ({ $from }) позже конца ({ $to })
error-text-unknown-region = Нет региона с идентификатором «{ $value }»
error-text-unknown-event = Нет события с идентификатором «{ $value }»
error-text-unknown-excerpt = Нет отрывка с идентификатором «{ $value }»
error-text-unknown-layer = Нет слоя карты «{ $layer }» с детализацией «{ $lod }»
error-text-too-large = { $param } = { $value } — больше, чем даётся в одном ответе
error-text-not-found = «{ $value }» не найдено
error-text-invalid-dataset = { $count ->
    [one] В наборе данных { $count } ошибка, в { $where }
    [few] В наборе данных { $count } ошибки, первая в { $where }
    [many] В наборе данных { $count } ошибок, первая в { $where }
   *[other] В наборе данных { $count } ошибки, первая в { $where }
}
error-text-import-failed = Ничего не импортировано
error-text-cancelled = Отменено
error-text-internal = Внутренняя ошибка приложения: { $message }
error-text-import-io = { $file }: не удаётся прочитать файл: { $reason }
error-text-import-unreadable = { $file } нельзя импортировать: { $reason }
error-text-import-unreadable-empty = Файл { $file } пуст
error-text-import-unreadable-container = { $file } — архив, сжатый файл или документ, а не таблица: распакуйте его или сохраните данные как CSV или GeoJSON и импортируйте снова
error-text-import-unreadable-utf16 = { $file } — текст в UTF-16 (так Excel сохраняет «Текст Юникод»): сохраните его в UTF-8 («CSV UTF-8») и импортируйте снова
error-text-import-unreadable-blank = В файле { $file } только пустые строки
error-text-import-unreadable-binary = { $file } — двоичный файл, а не текст: экспортируйте данные в CSV или GeoJSON
error-text-import-columns = { $file }: среди заголовков ({ $headers }) нет столбца для { $missing }; выберите столбцы
error-text-import-strict = { $count ->
    [one] В { $count } строке ошибка, в { $where }; в строгом режиме ничего не импортируется
    [few] В { $count } строках ошибки, первая в { $where }; в строгом режиме ничего не импортируется
    [many] В { $count } строках ошибки, первая в { $where }; в строгом режиме ничего не импортируется
   *[other] В { $count } строки ошибки, первая в { $where }; в строгом режиме ничего не импортируется
}
error-text-import-no-events = { $count ->
    [0] Нет событий для импорта: в файлах нет строк
    [one] Нет событий для импорта: { $count } строка не принята, в { $where }
    [few] Нет событий для импорта: все { $count } строки из списка не приняты, первая в { $where }
    [many] Нет событий для импорта: все { $count } строк из списка не приняты, первая в { $where }
   *[other] Нет событий для импорта: все { $count } строки из списка не приняты, первая в { $where }
}
error-text-import-invalid = { $count ->
    [one] Импортированная история не прошла { $count } проверку, в { $where }
    [few] Импортированная история не прошла { $count } проверки, первая в { $where }
    [many] Импортированная история не прошла { $count } проверок, первая в { $where }
   *[other] Импортированная история не прошла { $count } проверки, первая в { $where }
}
error-text-import-cancelled = Импорт отменён; ничего не записано.
error-text-import-usage = Импорт не начат: { $reason }
error-text-no-story = В библиотеке нет истории «{ $story }»
error-text-warning-swapped = { $sea }% точек попадают в море, а { $flipped }% попали бы на сушу, если поменять местами широту и долготу: не перепутаны ли столбцы?
error-text-row-not-a-date = «{ $value }» — не дата (пишите ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД)
error-text-row-missing = нет значения в столбце «{ $column }»
error-text-row-bad-coordinate = «{ $value }» — не число градусов
error-text-row-latitude-out-of-range = { $swapped ->
    [yes] широта { $value } вне допустимого диапазона (от -90 до 90): не перепутаны ли широта и долгота?
   *[no] широта { $value } вне допустимого диапазона (от -90 до 90)
}
error-text-row-longitude-out-of-range = долгота { $value } вне допустимого диапазона (от -180 до 180)
error-text-row-end-before-start = конец ({ $end }) раньше начала
error-text-row-duplicate-id = повторяющийся идентификатор «{ $id }»: он же есть в строке { $other }
error-text-row-unknown-region = неизвестный регион «{ $region }»: на карте нет региона с таким идентификатором
error-text-row-empty-title = у события нет названия
error-text-row-no-source = у события нет источника
error-text-row-empty-source = один из источников события пуст
error-text-row-deployment-needs-line = для ввода или вывода войск нужна линия от места, откуда они пришли, до места, куда они направились
error-text-row-unknown-language = неизвестный язык «{ $language }» среди переводов события
error-text-row-empty-translation = { $field ->
    [title] название
    [description] описание
   *[other] поле «{ $field }»
} на языке «{ $language }» пусто
error-text-row-time-precision-unknown = в ACLED нет точности времени (time_precision) «{ $value }»: допустимы 1 (день), 2 (неделя) и 3 (месяц)
error-text-row-date-prec-unknown = в UCDP нет точности даты (date_prec) «{ $value }»: допустимы значения от 1 (день) до 5 (год)
error-text-row-where-prec-unknown = в UCDP нет точности места (where_prec) «{ $value }»: допустимы значения от 1 (само место) до 7 (в море)
error-text-row-precision-needs-day = точность времени (time_precision) { $value } означает известный день, но в event_date дня нет
error-text-row-not-wkt = в столбце «{ $column }» нет геометрии в формате WKT (вроде POINT (44.5 40.2))
error-text-row-geometry-collection = GEOMETRYCOLLECTION не может быть местом события: используйте одну геометрию MULTI…
error-text-row-not-a-geometry = геометрия объекта не подходит для события (нужны точка, линия или многоугольник либо несколько фигур одного вида)
error-text-row-coordinate-out-of-range = точка [{ $lon }, { $lat }] вне земного шара: долгота должна быть от -180 до 180, а широта — от -90 до 90
error-text-row-no-date-property = у объекта нет свойства с датой (start, date или time)
error-text-row-interval-without-start = «{ $value }»: у интервала должно быть известное начало (напишите самую раннюю возможную дату перед /)
error-text-row-not-utf8 = в столбце «{ $column }» текст не в UTF-8 (файл, похоже, в кодировке Latin-1 или Windows-1252): сохраните его в UTF-8 и импортируйте снова
error-text-row-no-coordinates = у фигуры события нет координат
error-text-row-line-too-short = линии в фигуре события нужны хотя бы две точки
error-text-story-not-reopened = Последнюю открытую историю не удалось открыть снова ({ $reason }); показана встроенная история.

## Dates

date-about = около { $date }
date-range = { $start } – { $end }

## Map

map-label-region = Карта Кавказа и Центральной Азии
map-label-world = Карта мира
map-zoom =
    .aria-label = Масштаб
map-zoom-in =
    .aria-label = Приблизить
map-zoom-out =
    .aria-label = Отдалить
map-reset =
    .aria-label = Исходный вид
map-layer-world =
    .aria-label = мир
map-layer-water =
    .aria-label = водоёмы
map-layer-countries =
    .aria-label = страны
map-layer-provinces =
    .aria-label = регионы
map-layer-disputed =
    .aria-label = спорные территории
map-layer-unions =
    .aria-label = союзы
map-layer-lines =
    .aria-label = линии
map-layer-places =
    .aria-label = населённые пункты
region-approximate = граница проведена приблизительно
webgl-unavailable = Этот экран не поддерживает WebGL2: события рисуются простыми точками, без карты плотности, и прокрутка множества событий идёт медленнее.

## Legend

legend = Легенда
legend-exercise = Учения (кольца пульсируют в момент начала)
legend-exercise-cancelled = Учения отменены
legend-deployment = Ввод или вывод войск (стрелка движется от места отправления к месту назначения)
legend-conflict = Конфликт (вспыхивает в момент начала)
legend-blockade = Блокада
legend-summit = Саммит, договор или заявление
legend-member = Член выбранной организации
legend-frozen = Член, участие заморожено или приостановлено
legend-participant = Участвовал в учениях или саммите
legend-absent = Не участвовал или отказался
legend-disputed = Спорная территория (штриховка); бои светятся, блокада — красным
legend-dot = Одно из множества одновременных событий (точка цвета своего вида)
legend-faded = Бледный символ: дата известна лишь приблизительно
density-class-top = { $from } и более
density-color-0 = бледно-жёлтый
density-color-1 = оранжевый
density-color-2 = красный
density-color-3 = тёмно-красный
density-text = Когда в поле зрения больше { $on } событий, они не рисуются по одному, а подсчитываются в шестиугольниках: { $classes } событий на шестиугольник. Приблизьте карту, чтобы увидеть каждое событие точкой.

## Timeline

timeline =
    .aria-label = Шкала времени
slider =
    .aria-label = Дата
tl-play =
    .aria-label = Воспроизвести
tl-pause =
    .aria-label = Пауза
tl-prev =
    .aria-label = Предыдущее событие
    .title = Предыдущее событие (PageUp или [)
tl-next =
    .aria-label = Следующее событие
    .title = Следующее событие (PageDown или ])
tl-date =
    .aria-label = Текущая дата
tl-speed = Скорость
tl-speed-select =
    .aria-label = Скорость воспроизведения
tl-speed-day = 1 день в секунду
tl-speed-week = 1 неделя в секунду
tl-speed-month = 1 месяц в секунду
tl-speed-year = 1 год в секунду
tl-speed-5years = 5 лет в секунду
tl-loop = Повтор
tl-window =
    .aria-label = Временное окно
tl-preset-all = Всё
tl-zoom-in =
    .aria-label = Приблизить шкалу времени
tl-zoom-out =
    .aria-label = Отдалить шкалу времени
era-warsaw-pact = Варшавский договор
era-1990s = 1990-е
era-csto = ОДКБ
era-2022 = Трещины 2022 года

## Timeline filters

filter-show = Показать
filter-actor =
    .aria-label = События организации
filter-all-events = Все события
filter-org-events = События: { $org }
filter-members-of = Члены
filter-org =
    .aria-label = Карта членства
filter-no-org = Без карты членства
kind-exercise = Учения
kind-deployment = Ввод войск
kind-withdrawal = Вывод войск
kind-conflict = Конфликты
kind-blockade = Блокады
kind-summit = Саммиты
kind-treaty = Договоры
kind-statement = Заявления
kind-diplomacy = Дипломатия
kind-membership = Членство
kind-other = Другое

## Organizations (by id; an organization without a message keeps its own name)

org-csto = ДКБ/ОДКБ
org-warsaw-pact = Варшавский договор
org-guam = ГУАМ
org-nato = НАТО
org-eu = ЕС

## Live region: what is on at the date

status-none = На эту дату в истории нет событий.
status-event = { $title } ({ $span })
status-event-cancelled = { $title } ({ $span }) — отменено
status-more = и ещё { $count }

## Borders of the date

borders-before = до { $date } ({ $change })
borders-leaves = { $date }: { $name } исчезает с карты
borders-leaves-before = до { $date } ({ $name } исчезает с карты)
borders-many = Границы перерисованы на { $date }: { $count ->
        [one] { $count } изменение
        [few] { $count } изменения
       *[many] { $count } изменений
    }.
borders-forward = Границы: { $changes }.
borders-backward = Границы, какими они были { $changes }.

## Excerpts panel

panel =
    .aria-label = Отрывки
panel-heading = Отрывки
panel-heading-region = { $name }: { $count ->
        [one] { $count } отрывок
        [few] { $count } отрывка
       *[many] { $count } отрывков
    }
panel-version =
    .aria-label = Границы на эту дату
panel-near = Только отрывки около текущей даты
panel-order = Порядок
panel-order-relevance = Сначала самые значимые
panel-order-article = Как в статье
panel-intro = Нажмите на страну, регион, спорную территорию, реку или город на карте или найдите их поиском, чтобы прочитать, что о них говорится в статье.
panel-not-mentioned = В статье нет упоминаний: { $name }.
panel-none-near = Ни один отрывок не относится к текущей дате; снимите флажок, чтобы увидеть все.
panel-events-of = События: { $name }
panel-no-event = Нет датированного события
panel-about-event = О событии:
panel-places = Места: { $places }
panel-places-none = Места: нет (отрывок общего характера)
excerpt-label = Отрывок: { $text }
excerpt-label-why = Отрывок, { $why }: { $text }
note-correction = Поправка
note-unverified = Не подтверждено
note-update = С тех пор
why-names = называет: { $names }
why-curated = связан редакцией
why-via = через: { $via }
why-via-named = через: { $via } («{ $names }»)
link-copied = Ссылка скопирована: { $url }
sic =
    .aria-label = sic: так в оригинале

## A region at the date

fact-not-on-map = На эту дату нет на карте.
fact-not-on-map-when = На эту дату нет на карте (есть: { $when }).
fact-part-of = в составе: { $name }
fact-held-by = под контролем: { $name }
fact-approximate = граница проведена приблизительно
fact-borders = Границы:
date-since = с { $date }
date-until = до { $date }
date-onwards = с { $date }
facts-on = На { $date }: { $parts }.
facts-none = На { $date }: { $name } — членство в союзах и споры не отмечены.
membership-member = член { $org } с { $date }
membership-frozen = член { $org }, участие заморожено с { $date }
membership-suspended = член { $org }, членство приостановлено с { $date }
membership-observer = наблюдатель { $org } с { $date }
membership-of = { $who }: { $what }
dispute-since = { $name }: { $status } (с { $date })

## Reading view

reader =
    .aria-label = Статья
reader-show-on-map =
    .title = Показать на карте

## Search

search =
    .placeholder = Поиск мест, событий, текста статьи…
    .aria-label = Поиск
search-results =
    .aria-label = Результаты поиска
search-none = Ничего не найдено
search-kind-region = место
search-kind-event = событие
search-kind-excerpt = отрывок

## Desktop menu (the shell's File menu; "&" marks the key that opens it with Alt)

menu-file = &Файл
menu-open = Открыть…
menu-open-folder = Открыть папку…
menu-quit = Выход

## Stories (desktop)

stories = Истории
stories-pop =
    .aria-label = Истории
stories-builtin = История, с которой поставляется атлас
stories-open-files = Открыть файлы…
stories-open-folder = Открыть папку…
stories-drop-hint = Или перетащите файлы в окно: события ACLED, UCDP GED, CSV или GeoJSON, со статьёй в виде текста или Markdown.
stories-remove = Удалить
    .aria-label = Удалить «{ $title }»
stories-remove-confirm = Удалить?
    .aria-label = Подтвердите: удалить «{ $title }» из библиотеки
dialog-open-folder = Открыть папку с событиями
dialog-open-files = Открыть события (и статью)
dialog-filter-events = События и статьи
dialog-filter-all = Все файлы

## Import

import-progress =
    .aria-label = Ход импорта
import-reading = Чтение…
import-cancel = Отмена
import-cancelling = Отмена импорта…
import-importing = Импорт: { $files }
import-rejected-rows =
    .aria-label = Отклонённые строки
import-copy = Скопировать список
import-copied = Скопировано
import-copy-failed = Выделите список и скопируйте его
import-close = Закрыть
import-show-story = Показать историю
import-done = Импортировано: { $title }
import-left-out = Эти строки пропущены; исправьте их в файле и откройте его снова, чтобы они вошли:
import-nothing = Ничего не импортировано
import-unchanged = Показанная история не изменилась.
import-cancelled = Импорт отменён; ничего не записано.
import-the-file = Файл
import-columns-title = Какие столбцы что содержат?
import-columns-intro = В файле { $file } свои столбцы. Выберите столбец с датой каждого события и столбцы с его местом; остальные необязательны.
import-go = Импортировать
import-still-needed = Ещё нужно: { $missing }.
import-and = { $a } и { $b }
import-ready = Можно импортировать.
import-missing-date = столбец с датой
import-missing-place = столбцы широты и долготы (или столбец WKT)
import-more = … и ещё { $count }
import-summary = Импортировано { $events ->
        [one] { $events } событие
        [few] { $events } события
       *[many] { $events } событий
    } из { $files }
import-summary-rejected = ; { $rejected ->
        [one] { $rejected } строка отклонена
        [few] { $rejected } строки отклонены
       *[many] { $rejected } строк отклонено
    }.
import-summary-none-rejected = ; ни одна строка не отклонена.
import-summary-article = Из статьи { $excerpts ->
        [one] получен { $excerpts } отрывок
        [few] получено { $excerpts } отрывка
       *[many] получено { $excerpts } отрывков
    }, { $linked } связано с местами.
import-progress-text = Прочитано { $rows ->
        [one] { $rows } строка
        [few] { $rows } строки
       *[many] { $rows } строк
    } · { $percent }%
field-date = Дата (или дата начала)
field-end = Дата окончания
field-lat = Широта
field-lon = Долгота
field-wkt = Геометрия в WKT (вместо широты и долготы)
field-id = Идентификатор
field-title = Название
field-kind = Вид события
field-description = Описание
field-source = Источник (URL)
field-place = Название места

## Export and sharing (image, animation, deep links, citations)

# The Export dialog (image and animation of the view).
export-button = Экспорт…
    .title = Сохранить картинку или анимацию карты (E)
export-title = Экспорт карты
export-what = Что сохранить
export-image = Картинку
export-animation = Анимацию
# $width and $height are pixels.
export-png-1 = PNG как на экране (карта { $width } × { $height })
export-png-2 = PNG вдвое чётче (карта { $width } × { $height })
export-png-custom = PNG заданного размера
export-svg = SVG (вектор, для правки)
export-width = Ширина (пикс.)
export-height = Высота (пикс.)
export-from = С
export-to = По
export-fps = Кадров в секунду
export-duration = Длительность (секунд)
export-format = Формат
export-format-gif = GIF (анимированная картинка)
export-format-webm = WebM (видео)
export-format-mp4 = MP4 (видео)
export-formats-note = Для видео (WebM, MP4) на этом компьютере нужен ffmpeg; GIF работает всегда.
export-go = Сохранить
export-cancel = Отмена
export-close = Закрыть
export-progress =
    .aria-label = Ход экспорта
export-working = Рисую…
# $done and $total count frames, $percent is a percentage.
export-frames = Кадр { $done } из { $total } ({ $percent } %)
export-encoding = Завершаю файл…
# $name is a file name or path.
export-saved = Сохранено: { $name }
export-downloaded = Скачано: { $name }
export-cancelled = Экспорт отменён, ничего не сохранено.
# $message is the error's own text.
export-failed = Экспорт не удался: { $message }
export-range-bad = Конечная дата должна быть позже начальной.
# Before the density ramp in an exported legend.
export-density-ramp = Событий в шестиугольнике:


# Ссылки на вид и цитирование отрывка.
share-copy-link = Копировать ссылку
    .title = Скопировать ссылку на этот вид
share-link-copied = Ссылка скопирована
share-copy-failed = Не удалось скопировать ссылку: { $link }
link-ignored-heading = Часть этой ссылки использовать не удалось; показан остальной вид.
link-dismiss = Закрыть
link-ignored-item = { $key } = «{ $value }»: { $why }
link-ignored-junk = «{ $value }»: { $why }
link-why-junk = не часть ссылки на вид
link-why-too-long = ссылка слишком длинная
link-why-unknown-key = в ссылках нет такой части
link-why-repeated = указано дважды; взято первое значение
link-why-impossible-date = не дата или такого дня нет
link-why-bad-number = не число
link-why-out-of-range = вне допустимых пределов
link-why-range-inverted = промежуток времени кончается раньше, чем начинается
link-why-incomplete = для промежутка времени нужны и «from», и «to»
link-why-unknown-region = в этой истории нет такого региона
link-why-unknown-excerpt = в этой истории нет такого отрывка
link-why-unknown-organization = в этой истории нет такой организации
link-why-unknown-kind = нет такого вида событий
excerpt-cite = Цитировать
    .aria-label = Процитировать этот отрывок
excerpt-copy-link = Копировать ссылку
    .aria-label = Копировать ссылку на этот отрывок
cite-title = Цитирование отрывка
cite-plain = Простой текст
cite-bibtex = BibTeX
cite-csl = CSL-JSON
cite-copy = Копировать
cite-copy-format = Копировать: { $format }
cite-save = Сохранить…
cite-save-format = Сохранить в файл: { $format }
cite-copied = Скопировано: { $format }
cite-copy-failed = Не удалось скопировать цитату; выделите её и скопируйте вручную.
cite-saved = Сохранено: { $name }
cite-failed = Не удалось сохранить цитату: { $message }
cite-close = Закрыть
