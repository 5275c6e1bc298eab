# Faultlines' interface in English.
#
# Every string the interface shows is a message here and in ru.ftl, with the
# same ids (a Vitest check holds the two files to each other). Messages are
# grouped by the part of the interface that shows them; add new ones to the
# section of their part, or start a new section with a "## Section" comment.
# A message's attributes (.aria-label, .title, .placeholder) label the
# element it is put on with `label()`.

## Page and toolbar

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
error-bad-request = The request could not be read
error-range-inverted = The start comes after the end
error-unknown-excerpt = Unknown excerpt
error-unknown-layer = Unknown map layer
error-import-failed = Nothing was imported
error-cancelled = Cancelled
error-internal = Internal error
error-other = Error
# $what is the error's own text.
error-coded = { $code }: { $message }
error-unexpected = Something went wrong: { $what }

## Errors in words: one sentence per error code, import failure and shell notice,
## filled from the error's details (ui/src/i18n/errors.ts). $where is "file:line"
## or "file: record"; a sentence whose parameter is missing gives way to the
## English message the core sent.

error-text-bad-date = “{ $value }” is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)
error-text-bad-request = { $param } = “{ $value }” is not allowed here
error-text-range-inverted = The start ({ $from }) comes after the end ({ $to })
error-text-unknown-region = No region has the id “{ $value }”
error-text-unknown-event = No event has the id “{ $value }”
error-text-unknown-excerpt = No excerpt has the id “{ $value }”
error-text-unknown-layer = No map layer “{ $layer }” at level of detail “{ $lod }”
error-text-too-large = { $param } = { $value } asks for more than one answer gives
error-text-not-found = Nothing called “{ $value }” was found
error-text-invalid-dataset = { $count ->
    [one] One problem in the dataset, in { $where }
   *[other] { $count } problems in the dataset, the first in { $where }
}
error-text-import-failed = Nothing was imported
error-text-cancelled = Cancelled
error-text-internal = Something went wrong inside the app: { $message }
error-text-import-io = { $file }: cannot read it: { $reason }
error-text-import-unreadable = { $file } cannot be imported: { $reason }
error-text-import-unreadable-empty = { $file } is empty
error-text-import-unreadable-container = { $file }: { $reason }
error-text-import-unreadable-utf16 = { $file } is UTF-16 text (as Excel's "Unicode text" saves it): save it as UTF-8 ("CSV UTF-8") and import it again
error-text-import-unreadable-blank = { $file } holds only blank lines
error-text-import-unreadable-binary = { $file } is binary, not text: export the data as CSV or GeoJSON
error-text-import-columns = { $file }: no column for { $missing } among the headers ({ $headers }); choose the columns
error-text-import-strict = { $count ->
    [one] One row has a problem, at { $where }; in strict mode nothing is imported
   *[other] { $count } rows have problems, the first at { $where }; in strict mode nothing is imported
}
error-text-import-no-events = { $count ->
    [0] No events to import: the files have no rows
    [one] No events to import: the only row was left out, at { $where }
   *[other] No events to import: all { $count } rows listed were left out, the first at { $where }
}
error-text-import-invalid = { $count ->
    [one] The imported story fails a check, in { $where }
   *[other] The imported story fails { $count } checks, the first in { $where }
}
error-text-import-cancelled = The import was cancelled; nothing was written.
error-text-import-usage = The import did not start: { $reason }
error-text-no-story = There is no story “{ $story }” in the library
error-text-warning-swapped = { $sea }% of the points fall in the sea, but { $flipped }% would fall on land with latitude and longitude swapped: are the columns swapped?
error-text-row-not-a-date = “{ $value }” is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)
error-text-row-missing = no value in the “{ $column }” column
error-text-row-bad-coordinate = “{ $value }” is not a number of degrees
error-text-row-latitude-out-of-range = { $swapped ->
    [yes] latitude { $value } is out of range (-90 to 90): are latitude and longitude swapped?
   *[no] latitude { $value } is out of range (-90 to 90)
}
error-text-row-longitude-out-of-range = longitude { $value } is out of range (-180 to 180)
error-text-row-end-before-start = the end ({ $end }) comes before the start
error-text-row-duplicate-id = duplicate id “{ $id }”: the row at { $other } has it too
error-text-row-unknown-region = unknown region “{ $region }”: the map has no region with that id
error-text-row-empty-title = the event has no title
error-text-row-no-source = the event has no source
error-text-row-empty-source = one of the event’s sources is empty
error-text-row-deployment-needs-line = a deployment or withdrawal needs a line from where the troops came from to where they went
error-text-row-unknown-language = unknown language “{ $language }” among the event’s translations
error-text-row-empty-translation = { $field ->
    [title] the title
    [description] the description
   *[other] the { $field }
} in “{ $language }” is empty
error-text-row-time-precision-unknown = ACLED’s time_precision “{ $value }” is not one it defines: it must be 1 (the day), 2 (the week) or 3 (the month)
error-text-row-date-prec-unknown = UCDP’s date_prec “{ $value }” is not one it defines: it must be 1 (the day) to 5 (the year)
error-text-row-where-prec-unknown = UCDP’s where_prec “{ $value }” is not one it defines: it must be 1 (the place itself) to 7 (at sea)
error-text-row-precision-needs-day = time_precision { $value } means a known day, but event_date has none
error-text-row-not-wkt = the “{ $column }” column does not hold a WKT geometry (such as POINT (44.5 40.2))
error-text-row-geometry-collection = a GEOMETRYCOLLECTION cannot be an event’s place: use one MULTI… geometry
error-text-row-not-a-geometry = the feature’s geometry is not one an event can have (a point, line or polygon, or several of one kind)
error-text-row-coordinate-out-of-range = the point [{ $lon }, { $lat }] is off the globe: longitude must be -180 to 180 and latitude -90 to 90
error-text-row-no-date-property = the feature has no date property (start, date or time)
error-text-row-interval-without-start = “{ $value }”: an interval needs a known start (write the earliest possible date before the /)
error-text-row-not-utf8 = the “{ $column }” column is not UTF-8 text (the file looks Latin-1 or Windows-1252 encoded): save it as UTF-8 and import it again
error-text-row-no-coordinates = the event’s shape has no coordinates
error-text-row-line-too-short = a line of the event’s shape needs at least two points
error-text-story-not-reopened = The story last open could not be reopened ({ $reason }); showing the built-in story.

## Dates

# $date is a date already in words ("September 2023").
date-about = about { $date }
# Two dates of different precision, or years apart.
date-range = { $start } – { $end }

## Map

map-label-region = Map of the Caucasus and Central Asia
map-label-world = Map of the world
map-zoom =
    .aria-label = Zoom
map-zoom-in =
    .aria-label = Zoom in
map-zoom-out =
    .aria-label = Zoom out
map-reset =
    .aria-label = Reset view
map-layer-world =
    .aria-label = world
map-layer-water =
    .aria-label = water
map-layer-countries =
    .aria-label = countries
map-layer-provinces =
    .aria-label = provinces
map-layer-disputed =
    .aria-label = disputed areas
map-layer-unions =
    .aria-label = unions
map-layer-lines =
    .aria-label = lines
map-layer-places =
    .aria-label = places
region-approximate = border drawn approximately
webgl-unavailable = This display cannot draw with WebGL2: events are drawn as plain dots, without the density view, and scrubbing through many events is slower.

## Legend

legend = Legend
legend-exercise = Exercise (its rings pulse as it begins)
legend-exercise-cancelled = Exercise cancelled
legend-deployment = Deployment or withdrawal (arrow travels origin → destination)
legend-conflict = Conflict (glows as it begins)
legend-blockade = Blockade
legend-summit = Summit, treaty or statement
legend-member = Member of the chosen organization
legend-frozen = Member, participation frozen or suspended
legend-participant = Took part in the exercise or summit
legend-absent = Stayed away or refused
legend-disputed = Disputed area (hatched); fighting glows, blockade in red
legend-dot = One of many events on at once (a dot in its kind's colour)
legend-faded = Faded symbol: the date is known only roughly
# $from is the lowest count of a density class ("250 or more").
density-class-top = { $from } or more
density-color-0 = pale yellow
density-color-1 = orange
density-color-2 = red
density-color-3 = dark red
# $on is the number of events from which hexagons are drawn, $classes the list of colours and counts.
density-text = When more than { $on } events are on in the view, they are counted in hexagons instead of drawn one by one: { $classes } events a hexagon. Zoom in to see each event as a dot.

## Timeline

timeline =
    .aria-label = Timeline
slider =
    .aria-label = Date
tl-play =
    .aria-label = Play
tl-pause =
    .aria-label = Pause
tl-prev =
    .aria-label = Previous event
    .title = Previous event (PageUp or [)
tl-next =
    .aria-label = Next event
    .title = Next event (PageDown or ])
tl-date =
    .aria-label = Current date
tl-speed = Speed
tl-speed-select =
    .aria-label = Playback speed
tl-speed-day = 1 day per second
tl-speed-week = 1 week per second
tl-speed-month = 1 month per second
tl-speed-year = 1 year per second
tl-speed-5years = 5 years per second
tl-loop = Loop
tl-window =
    .aria-label = Time window
tl-preset-all = All
tl-zoom-in =
    .aria-label = Zoom the timeline in
tl-zoom-out =
    .aria-label = Zoom the timeline out
era-warsaw-pact = Warsaw Pact
era-1990s = The 1990s
era-csto = The CSTO
era-2022 = The 2022 unravelling

## Timeline filters

filter-show = Show
filter-actor =
    .aria-label = Events of organization
filter-all-events = All events
# $org is an organization's short name.
filter-org-events = { $org } events
filter-members-of = Members of
filter-org =
    .aria-label = Membership map
filter-no-org = No membership map
kind-exercise = Exercises
kind-deployment = Deployments
kind-withdrawal = Withdrawals
kind-conflict = Conflicts
kind-blockade = Blockades
kind-summit = Summits
kind-treaty = Treaties
kind-statement = Statements
kind-diplomacy = Diplomacy
kind-membership = Memberships
kind-other = Other

## Organizations (by id; an organization without a message keeps its own name)

org-csto = CST/CSTO
org-warsaw-pact = Warsaw Pact
org-guam = GUAM
org-nato = NATO
org-eu = EU

## Live region: what is on at the date

status-none = No events in the story at this date.
# $title is an event's title, $span its dates.
status-event = { $title } ({ $span })
status-event-cancelled = { $title } ({ $span }) — cancelled
# Follows the events listed: "…; and 4 more."
status-more = and { $count } more

## Borders of the date

# $change says what changed ("Germany reunified").
borders-before = before { $date } ({ $change })
borders-leaves = { $date }: { $name } leaves the map
borders-leaves-before = before { $date } ({ $name } leaves the map)
borders-many = Borders redrawn for { $date }: { $count ->
        [one] { $count } change
       *[other] { $count } changes
    }.
borders-forward = Borders: { $changes }.
borders-backward = Borders as they were { $changes }.

## Excerpts panel

panel =
    .aria-label = Excerpts
panel-heading = Excerpts
# $name is the region's name.
panel-heading-region = { $name }: { $count ->
        [one] { $count } excerpt
       *[other] { $count } excerpts
    }
panel-version =
    .aria-label = Borders at this date
panel-near = Only excerpts around the current date
panel-order = Order
panel-order-relevance = Most relevant first
panel-order-article = Article order
panel-intro = Click a country, province, disputed area, river or city on the map, or search, to read what the article says about it.
panel-not-mentioned = The article does not mention { $name }.
panel-none-near = No excerpt concerns the current date; untick the box to see them all.
panel-events-of = Events concerning { $name }
panel-no-event = No dated event
panel-about-event = About the event:
panel-places = Places: { $places }
panel-places-none = Places: none (general)
excerpt-label = Excerpt: { $text }
excerpt-label-why = Excerpt, { $why }: { $text }
note-correction = Correction
note-unverified = Not verified
note-update = Since then
why-names = names { $names }
why-curated = linked by the editors
why-via = via: { $via }
why-via-named = via: { $via } (“{ $names }”)
link-copied = Link copied: { $url }
sic =
    .aria-label = sic: so in the original

## A region at the date

fact-not-on-map = Not on the map at this date.
# $when lists the dates the region is on the map.
fact-not-on-map-when = Not on the map at this date (on it: { $when }).
fact-part-of = part of { $name }
fact-held-by = held by { $name }
fact-approximate = border drawn approximately
fact-borders = Borders:
# $date is already in the form a preposition asks for.
date-since = since { $date }
date-until = until { $date }
date-onwards = { $date } onwards
# $parts lists memberships and disputes.
facts-on = On { $date }: { $parts }.
facts-none = On { $date }: no alliance membership or dispute recorded for { $name }.
# $org is an organization's short name, $who a member's name when it is not the region itself.
membership-member = { $org } member since { $date }
membership-frozen = { $org } member, participation frozen since { $date }
membership-suspended = { $org } member, suspended since { $date }
membership-observer = { $org } observer since { $date }
membership-of = { $who }: { $what }
# $name and $status are the dispute's own words.
dispute-since = { $name }: { $status } (since { $date })

## Reading view

reader =
    .aria-label = Article
reader-show-on-map =
    .title = Show on the map

## Search

search =
    .placeholder = Search places, events, the article…
    .aria-label = Search
search-results =
    .aria-label = Search results
search-none = No results
search-kind-region = region
search-kind-event = event
search-kind-excerpt = excerpt

## Desktop menu (the shell's File menu; "&" marks the key that opens it with Alt)

menu-file = &File
menu-open = Open…
menu-open-folder = Open Folder…
menu-quit = Quit

## Stories (desktop)

stories = Stories
stories-pop =
    .aria-label = Stories
stories-builtin = The story this atlas ships with
stories-open-files = Open files…
stories-open-folder = Open folder…
stories-drop-hint = Or drop files on the window: ACLED, UCDP GED, CSV or GeoJSON events, with an article as text or Markdown.
stories-remove = Remove
    .aria-label = Remove { $title }
stories-remove-confirm = Remove?
    .aria-label = Confirm: remove { $title } from the library
dialog-open-folder = Open a folder of events
dialog-open-files = Open events (and an article)
dialog-filter-events = Events and articles
dialog-filter-all = All files

## Import

import-progress =
    .aria-label = Import progress
import-reading = Reading…
import-cancel = Cancel
import-cancelling = Cancelling…
# $files lists the files' names.
import-importing = Importing { $files }
import-rejected-rows =
    .aria-label = Rejected rows
import-copy = Copy the list
import-copied = Copied
import-copy-failed = Select the list and copy it
import-close = Close
import-show-story = Show the story
# $title is the story's title.
import-done = Imported: { $title }
import-left-out = These rows were left out; fix them in the file and open it again to include them:
import-nothing = Nothing was imported
import-unchanged = The story shown is unchanged.
import-cancelled = The import was cancelled; nothing was written.
import-the-file = The file
import-columns-title = Which columns hold what?
import-columns-intro = { $file } has columns of its own. Choose the one with each event's date, and those with its place; the others are optional.
import-go = Import
import-still-needed = Still needed: { $missing }.
import-and = { $a } and { $b }
import-ready = Ready to import.
import-missing-date = a date column
import-missing-place = latitude and longitude columns (or a WKT column)
import-more = … and { $count } more
import-summary = Imported { $events ->
        [one] { $events } event
       *[other] { $events } events
    } from { $files }
import-summary-rejected = ; { $rejected ->
        [one] { $rejected } row
       *[other] { $rejected } rows
    } rejected.
import-summary-none-rejected = ; no row rejected.
import-summary-article = The article gave { $excerpts ->
        [one] { $excerpts } excerpt
       *[other] { $excerpts } excerpts
    }, { $linked } linked to places.
import-progress-text = { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    } read · { $percent }%
field-date = Date (or start date)
field-end = End date
field-lat = Latitude
field-lon = Longitude
field-wkt = Geometry as WKT (instead of latitude and longitude)
field-id = Id
field-title = Title
field-kind = Kind of event
field-description = Description
field-source = Source (URL)
field-place = Place name

## Export and sharing (image, animation, deep links, citations)

# The Export dialog (image and animation of the view).
export-button = Export…
    .title = Export a picture or an animation of the view (E)
export-title = Export the view
export-what = What to export
export-image = Image
export-animation = Animation
# $width and $height are pixels.
export-png-1 = PNG as on screen ({ $width } × { $height } map)
export-png-2 = PNG twice as sharp ({ $width } × { $height } map)
export-png-custom = PNG of a chosen size
export-svg = SVG (vector, for editing)
export-width = Width (px)
export-height = Height (px)
export-from = From
export-to = To
export-fps = Frames a second
export-duration = Duration (seconds)
export-format = Format
export-format-gif = GIF (animated image)
export-format-webm = WebM (video)
export-format-mp4 = MP4 (video)
export-formats-note = Video (WebM, MP4) needs ffmpeg on this computer; GIF always works.
export-go = Export
export-cancel = Cancel
export-close = Close
export-progress =
    .aria-label = Export progress
export-working = Drawing…
# $done and $total count frames, $percent is a percentage.
export-frames = Frame { $done } of { $total } ({ $percent }%)
export-encoding = Finishing the file…
# $name is a file name or path.
export-saved = Saved to { $name }
export-downloaded = Downloaded { $name }
export-cancelled = Export cancelled; nothing was saved.
# $message is the error's own text.
export-failed = The export failed: { $message }
export-range-bad = The end date must be after the start date.
# Before the density ramp in an exported legend.
export-density-ramp = Events a hexagon:


# Links to a view, and citations of an excerpt.
share-copy-link = Copy link
    .title = Copy a link to this view
share-link-copied = Link copied
# $link is the link that could not be copied, shown so it can be copied by hand.
share-copy-failed = The link could not be copied: { $link }
link-ignored-heading = Part of this link could not be used; the rest of the view is shown.
link-dismiss = Dismiss
# $key is a part of the link, $value what it said, $why one of the link-why messages.
link-ignored-item = { $key } = “{ $value }”: { $why }
link-ignored-junk = “{ $value }”: { $why }
link-why-junk = not part of a link to a view
link-why-too-long = the link is too long
link-why-unknown-key = links have no such part
link-why-repeated = given twice; the first is used
link-why-impossible-date = not a date, or no such day
link-why-bad-number = not a number
link-why-out-of-range = out of range
link-why-range-inverted = the time window ends before it starts
link-why-incomplete = a time window needs both “from” and “to”
link-why-unknown-region = no such region in this story
link-why-unknown-excerpt = no such excerpt in this story
link-why-unknown-organization = no such organization in this story
link-why-unknown-kind = not a kind of event
excerpt-cite = Cite
    .aria-label = Cite this excerpt
excerpt-copy-link = Copy link
    .aria-label = Copy link to this excerpt
cite-title = Cite this excerpt
cite-plain = Plain text
cite-bibtex = BibTeX
cite-csl = CSL-JSON
cite-copy = Copy
# $format is one of cite-plain, cite-bibtex, cite-csl.
cite-copy-format = Copy { $format }
cite-save = Save…
cite-save-format = Save { $format } as a file
cite-copied = { $format } copied
cite-copy-failed = The citation could not be copied; select it and copy it by hand.
# $name is a file name or path.
cite-saved = Saved to { $name }
# $message is the error's own text.
cite-failed = The citation could not be saved: { $message }
cite-close = Close
