# Faultlines' interface in English.
#
# Every string the interface shows is a message here and in ru.ftl, with the
# same ids (a Vitest check holds the two files to each other). Messages are
# grouped by the part of the interface that shows them; add new ones to the
# section of their part, or start a new section with a "## Section" comment.
# A message's attributes (.aria-label, .title, .placeholder) label the
# element it is put on with `label()`.

## Page and toolbar

brand = Faultlines
page-title = Faultlines — the CSTO story on the map
skip-to-map = Skip to the map
dataset-loading = Loading the story…
# $events and $excerpts are counts, $from and $to years.
dataset-summary = { $events ->
        [one] { $events } event
       *[other] { $events } events
    } · { $excerpts ->
        [one] { $excerpts } excerpt
       *[other] { $excerpts } excerpts
    } · { $from }–{ $to }
toolbar =
    .aria-label = Display
read-article = Read the article
follow-story = Follow the story
names-label = Names
names-select =
    .aria-label = Language of place names
names-en = English
names-ru = Русский
interface-language = Language
interface-language-select =
    .aria-label = Language of the interface
locale-en = English
locale-ru = Русский
theme-dark = Dark theme
map-region =
    .aria-label = Map

## Errors and notices

error-bad-date = That date could not be read
error-unknown-region = Unknown place
error-unknown-event = Unknown event
error-invalid-dataset = The dataset is invalid
error-too-large = Request too large
error-not-found = Not found
error-other = Error
# $what is the error's own text.
error-coded = { $code }: { $message }
error-unexpected = Something went wrong: { $what }

## Dates

# $date is a date already in words ("September 2023").
date-about = about { $date }
# Two dates of different precision, or years apart.
date-range = { $start } – { $end }

## Export and sharing (image, animation, deep links, citations)

