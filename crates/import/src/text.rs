//! An article made into excerpts: each sentence of the text (plain or
//! Markdown) is one, quoted verbatim by its offsets, and linked to the
//! regions it names by the core's gazetteer (every region's English and
//! Russian names, the shipped spellings, capitals and leaders, and the
//! names the user adds). A sentence that names no place is marked general,
//! as the shipped story marks its own.
//!
//! Sentences end at `.`, `!`, `?` or `…` before a space and a capital (or
//! a quote, a digit), and at blank lines and Markdown headings and list
//! items; "Mr. Putin", "U.S. troops" and "e.g. the" are not ends.

use faultlines_core::link::Gazetteer;
use faultlines_core::model::ExcerptSpec;

/// Character spans (start, end) of the sentences of `text`.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let end_here = if c == '\n' {
            // A line break ends a sentence at a blank line, or before a
            // heading, a list item or a quote, or after a heading.
            let next = chars[i + 1..].iter().find(|c| **c != ' ').copied();
            let line_start = chars[..i]
                .iter()
                .rposition(|c| *c == '\n')
                .map_or(0, |p| p + 1);
            let heading = chars[line_start..i].iter().find(|c| **c != ' ') == Some(&'#');
            let rest: String = chars[i + 1..]
                .iter()
                .skip_while(|c| **c == ' ')
                .take(12)
                .collect();
            let numbered = rest
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            heading
                || numbered
                || matches!(
                    next,
                    Some('\n') | Some('#') | Some('-') | Some('*') | Some('>') | Some('|') | None
                )
        } else if matches!(c, '.' | '!' | '?' | '…') {
            sentence_end(&chars, i)
        } else {
            false
        };
        if end_here {
            let stop = if c == '\n' { i } else { closing(&chars, i + 1) };
            push(&chars, start, stop, &mut out);
            start = stop;
            i = stop.max(i + 1);
            continue;
        }
        i += 1;
    }
    push(&chars, start, chars.len(), &mut out);
    out
}

/// After the stop: closing quotes and brackets belong to the sentence.
fn closing(chars: &[char], mut j: usize) -> usize {
    while j < chars.len()
        && matches!(
            chars[j],
            '"' | '\'' | '”' | '’' | ')' | '»' | '.' | '!' | '?'
        )
    {
        j += 1;
    }
    j
}

fn sentence_end(chars: &[char], i: usize) -> bool {
    let j = closing(chars, i + 1);
    if j >= chars.len() {
        return true;
    }
    if !chars[j].is_whitespace() {
        return false;
    }
    let next = chars[j..].iter().find(|c| !c.is_whitespace()).copied();
    let starts = next.is_some_and(|n| {
        n.is_uppercase()
            || n.is_ascii_digit()
            || matches!(n, '"' | '“' | '«' | '\'' | '‘' | '(' | '#' | '-' | '*')
    });
    if !starts || chars[i] != '.' {
        return starts;
    }
    // "Mr. Putin", "U.S. troops", "St. Petersburg": a short word before the dot.
    let word_start = chars[..i]
        .iter()
        .rposition(|c| c.is_whitespace())
        .map_or(0, |p| p + 1);
    let word: String = chars[word_start..i].iter().collect();
    let abbrev = [
        "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Sgt", "Prof", "Jr", "Sr", "vs", "No",
        "Art", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "e.g", "i.e", "etc", "г", "т",
        "ул",
    ];
    !(abbrev.contains(&word.as_str())
        || (word.chars().count() <= 2 && word.chars().all(|c| c.is_uppercase() || c == '.'))
        || word.contains('.'))
}

/// Keep `start..stop` trimmed of spaces and Markdown markers, if it has a letter.
fn push(chars: &[char], mut start: usize, mut stop: usize, out: &mut Vec<(usize, usize)>) {
    loop {
        while start < stop && chars[start].is_whitespace() {
            start += 1;
        }
        let marker = start < stop && matches!(chars[start], '#' | '>' | '*' | '-' | '+' | '|');
        let numbered = {
            let mut k = start;
            while k < stop && chars[k].is_ascii_digit() {
                k += 1;
            }
            k > start && k + 1 < stop && chars[k] == '.' && chars[k + 1] == ' '
        };
        if marker {
            start += 1;
        } else if numbered {
            while chars[start] != '.' {
                start += 1;
            }
            start += 1;
        } else {
            break;
        }
    }
    while stop > start && chars[stop - 1].is_whitespace() {
        stop -= 1;
    }
    if chars[start..stop].iter().any(|c| c.is_alphabetic()) {
        out.push((start, stop));
    }
}

/// The excerpts of `article`: one per sentence, ids `s1`, `s2`…, each
/// general unless the gazetteer finds a region in it.
pub fn excerpts(article: &str, gazetteer: &Gazetteer) -> Vec<ExcerptSpec> {
    let chars: Vec<char> = article.chars().collect();
    sentences(article)
        .into_iter()
        .enumerate()
        .map(|(n, (start, end))| {
            let text: String = chars[start..end].iter().collect();
            let general = gazetteer.regions(&text).is_empty();
            ExcerptSpec {
                id: format!("s{}", n + 1),
                start,
                end,
                text,
                events: vec![],
                add_regions: vec![],
                remove_regions: vec![],
                general,
                notes: vec![],
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<String> {
        let chars: Vec<char> = t.chars().collect();
        sentences(t)
            .into_iter()
            .map(|(a, b)| chars[a..b].iter().collect())
            .collect()
    }

    #[test]
    fn sentences_end_at_stops_before_capitals_but_not_after_abbreviations() {
        assert_eq!(
            split("Mr. Putin met Gen. Smith in St. Petersburg. U.S. troops left. Why? “Because.” Then 2022 came."),
            ["Mr. Putin met Gen. Smith in St. Petersburg.", "U.S. troops left.", "Why?", "“Because.”", "Then 2022 came."]
        );
    }

    #[test]
    fn markdown_headings_and_list_items_are_sentences_without_their_markers() {
        assert_eq!(
            split("# The border\n\nArmenia and Azerbaijan clashed\n- Tajikistan\n- Kyrgyzstan\n1. First point here"),
            ["The border", "Armenia and Azerbaijan clashed", "Tajikistan", "Kyrgyzstan", "First point here"]
        );
    }

    #[test]
    fn every_sentence_is_an_exact_span_of_the_text() {
        let t = "Один. Два! «Три» — четыре?\n\nПять…";
        let chars: Vec<char> = t.chars().collect();
        for (a, b) in sentences(t) {
            assert!(a < b && b <= chars.len());
        }
        assert_eq!(split(t), ["Один.", "Два!", "«Три» — четыре?", "Пять…"]);
    }

    proptest::proptest! {
        #[test]
        fn spans_are_in_order_inside_the_text_and_never_empty(t in "\\PC{0,200}") {
            let n = t.chars().count();
            let mut last = 0;
            for (a, b) in sentences(&t) {
                proptest::prop_assert!(last <= a && a < b && b <= n);
                last = b;
            }
        }
    }
}
