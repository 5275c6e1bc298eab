//! The File menu, in the interface's language.
//!
//! Its words are messages of the UI's own Fluent files (`ui/src/i18n/*.ftl`,
//! section "Desktop menu"), read here with the `fluent` crate, so the menu
//! and the page say the same words. The language is the reader's choice
//! saved with the UI's state, else the system's (`LANGUAGE`, `LC_ALL`,
//! `LC_MESSAGES`, `LANG`, as the UI's WebKitGTK reads them); a new choice
//! relabels the menu as soon as the UI saves it.

use std::sync::Mutex;

use fluent::{FluentBundle, FluentResource};
use tauri::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem, Submenu};
use tauri::{AppHandle, Manager, Runtime};

use crate::opening::{Inbox, ShellEvent};
use crate::prefs::Prefs;

/// The languages the interface speaks, with their message files.
const SOURCES: [(&str, &str); 2] = [
    ("en", include_str!("../../ui/src/i18n/en.ftl")),
    ("ru", include_str!("../../ui/src/i18n/ru.ftl")),
];

/// The languages the system asks for, most wanted first, as BCP 47 tags
/// ("ru-RU"): `LANGUAGE`'s list ("ru:en"), then the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set ("ru_RU.UTF-8"), as the C library
/// reads them; "C" and "POSIX" name no language.
pub fn system_languages(env: impl Fn(&str) -> Option<String>) -> Vec<String> {
    let tag = |locale: &str| {
        let name = locale.split(['.', '@']).next().unwrap_or("");
        (!name.is_empty() && name != "C" && name != "POSIX").then(|| name.replace('_', "-"))
    };
    let mut out: Vec<String> = env("LANGUAGE")
        .unwrap_or_default()
        .split(':')
        .filter_map(tag)
        .collect();
    if let Some(l) = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|v| env(v).filter(|v| !v.is_empty()))
    {
        out.extend(tag(&l));
    }
    out
}

/// The language of a saved choice, else the first of the system's languages
/// that the interface speaks; English otherwise.
pub fn language(saved: Option<&str>, env: impl Fn(&str) -> Option<String>) -> &'static str {
    let speaks = |tag: &str| {
        let base = tag.split(['-', '_', '.', '@']).next().unwrap_or("");
        SOURCES
            .iter()
            .map(|(l, _)| *l)
            .find(|l| l.eq_ignore_ascii_case(base))
    };
    saved
        .and_then(speaks)
        .or_else(|| system_languages(env).iter().find_map(|t| speaks(t)))
        .unwrap_or("en")
}

/// Message `id` in `lang` (English where `lang` lacks it, the id where both do).
pub fn word(lang: &str, id: &str) -> String {
    let say = |l: &str| -> Option<String> {
        let (_, source) = SOURCES.iter().find(|(x, _)| *x == l)?;
        let res = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let mut bundle =
            FluentBundle::new(vec![l.parse::<unic_langid::LanguageIdentifier>().ok()?]);
        bundle.set_use_isolating(false);
        bundle.add_resource(res).ok()?;
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        Some(
            bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned(),
        )
    };
    say(lang)
        .or_else(|| say("en"))
        .unwrap_or_else(|| id.to_string())
}

/// The language the menu is in now.
#[derive(Default)]
pub struct MenuLanguage(Mutex<Option<&'static str>>);

/// The File menu in `lang`: Open… and Open Folder… ask the UI to show its
/// dialog, as its Open… button does (Ctrl+O is the UI's, so it has no
/// accelerator here).
fn file_menu_in<R: Runtime>(app: &AppHandle<R>, lang: &str) -> tauri::Result<Menu<R>> {
    let w = |id: &str| word(lang, id);
    let open = MenuItem::with_id(app, "open", w("menu-open"), true, None::<&str>)?;
    let folder = MenuItem::with_id(
        app,
        "open-folder",
        w("menu-open-folder"),
        true,
        None::<&str>,
    )?;
    let quit = PredefinedMenuItem::quit(app, Some(&w("menu-quit")))?;
    let sep = PredefinedMenuItem::separator(app)?;
    let file = Submenu::with_items(app, w("menu-file"), true, &[&open, &folder, &sep, &quit])?;
    Menu::with_items(app, &[&file])
}

fn system(var: &str) -> Option<String> {
    std::env::var(var).ok()
}

/// The File menu at start: in the saved language, else the system's.
pub fn file_menu<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let saved = app.try_state::<Prefs>().and_then(|p| p.ui().locale);
    let lang = language(saved.as_deref(), system);
    if let Some(m) = app.try_state::<MenuLanguage>() {
        *m.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(lang);
    }
    file_menu_in(app, lang)
}

/// The UI saved its state: relabel the menu if the reader chose another language.
pub fn follow<R: Runtime>(app: &AppHandle<R>, saved: Option<&str>) {
    let lang = language(saved, system);
    let Some(m) = app.try_state::<MenuLanguage>() else {
        return;
    };
    let mut now = m.0.lock().unwrap_or_else(|e| e.into_inner());
    if *now == Some(lang) {
        return;
    }
    match file_menu_in(app, lang).and_then(|menu| app.set_menu(menu)) {
        Ok(_) => *now = Some(lang),
        Err(e) => eprintln!("faultlines: cannot relabel the menu: {e}"),
    }
}

pub fn on_menu<R: Runtime>(app: &AppHandle<R>, e: MenuEvent) {
    let event = match e.id().as_ref() {
        "open" => ShellEvent::ChooseFiles,
        "open-folder" => ShellEvent::ChooseFolder,
        _ => return,
    };
    app.state::<Inbox>().send(event);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_menu_speaks_the_saved_language_else_the_systems() {
        assert_eq!(language(Some("ru"), env(&[("LANG", "en_US.UTF-8")])), "ru");
        assert_eq!(language(Some("en"), env(&[("LANG", "ru_RU.UTF-8")])), "en");
        assert_eq!(language(None, env(&[("LANG", "ru_RU.UTF-8")])), "ru");
        assert_eq!(
            language(None, env(&[("LANGUAGE", "de:ru"), ("LANG", "de_DE.UTF-8")])),
            "ru"
        );
        assert_eq!(
            language(
                None,
                env(&[("LC_ALL", "de_DE.UTF-8"), ("LANG", "ru_RU.UTF-8")])
            ),
            "en"
        );
        assert_eq!(
            language(None, env(&[("LC_MESSAGES", "ru_RU"), ("LANG", "C")])),
            "ru"
        );
        assert_eq!(language(Some("xx"), env(&[])), "en");
        assert_eq!(language(None, env(&[("LANG", "")])), "en");
    }

    #[test]
    fn the_system_languages_are_read_as_the_c_library_reads_them() {
        assert_eq!(system_languages(env(&[("LANG", "ru_RU.UTF-8")])), ["ru-RU"]);
        assert_eq!(
            system_languages(env(&[("LANGUAGE", "ru:en_GB"), ("LANG", "de_DE.UTF-8")])),
            ["ru", "en-GB", "de-DE"]
        );
        assert_eq!(
            system_languages(env(&[("LC_ALL", "kk_KZ"), ("LANG", "ru_RU")])),
            ["kk-KZ"]
        );
        assert_eq!(
            system_languages(env(&[("LANG", "C.UTF-8")])),
            Vec::<String>::new()
        );
        assert_eq!(system_languages(env(&[("LANG", "sr_RS@latin")])), ["sr-RS"]);
        assert_eq!(system_languages(env(&[])), Vec::<String>::new());
    }

    #[test]
    fn the_menu_words_come_from_the_uis_message_files_in_both_languages() {
        for (id, en, ru) in [
            ("menu-file", "&File", "&Файл"),
            ("menu-open", "Open…", "Открыть…"),
            ("menu-open-folder", "Open Folder…", "Открыть папку…"),
            ("menu-quit", "Quit", "Выход"),
        ] {
            assert_eq!(
                (word("en", id), word("ru", id)),
                (en.to_string(), ru.to_string()),
                "{id}"
            );
        }
        assert_eq!(word("ru", "no-such-message"), "no-such-message");
    }
}
