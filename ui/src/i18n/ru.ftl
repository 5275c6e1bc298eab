# Интерфейс Faultlines на русском.
#
# Every string the interface shows is a message here and in en.ftl, with the
# same ids (a Vitest check holds the two files to each other). Messages are
# grouped by the part of the interface that shows them; add new ones to the
# section of their part, or start a new section with a "## Section" comment.
# Counts take Russian plural forms: [one] 1, 21 событие; [few] 2–4, 22
# события; [many] 5–20, 25 событий; [other] дробные.

## Page and toolbar

brand = Faultlines
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
error-other = Ошибка
error-coded = { $code }: { $message }
error-unexpected = Что-то пошло не так: { $what }

## Dates

date-about = около { $date }
date-range = { $start } – { $end }

## Export and sharing (image, animation, deep links, citations)

