// The app's commands, named once. Tauri needs the list three times: as
// identifiers for `generate_handler!` (src/lib.rs), as strings for the
// permission manifest (build.rs) and as `allow-*` grants for the UI's
// capability (the `atlas-commands` set that build.rs writes into
// `permissions/atlas-commands.json`). All three expand this one macro, so a
// command cannot be handled without being granted, or granted without being
// handled. Plain `//` comments: build.rs `include!`s this file, where inner
// doc comments are not allowed.
//
// `with_commands!(m)` calls `m!(a, b, ...)` with every command's name; each
// name is a function in src/commands.rs.
macro_rules! with_commands {
    ($then:ident) => {
        $then!(
            dataset_info,
            state_at,
            events_in,
            histogram,
            step,
            regions,
            excerpts_for_region,
            excerpt,
            event,
            search,
            article,
            read_link,
            cite,
            all_events,
            layer,
            columns,
            overviews,
            load_ui_state,
            save_ui_state,
            startup_report,
            system_languages,
            stories,
            open_story,
            remove_story,
            import_files,
            cancel_import,
            listen_shell,
            export_formats,
            render_png,
            start_animation,
            add_frame,
            finish_animation,
            cancel_animation,
            save_export,
        )
    };
}

// The names as strings, for `const COMMANDS: &[&str] = with_commands!(command_names);`.
macro_rules! command_names {
    ($($name:ident),* $(,)?) => {
        &[$(stringify!($name)),*]
    };
}
