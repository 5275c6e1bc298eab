//! Embeds the shipped dataset (`geodata/story/` and `geodata/map/`) into the
//! core library, so the app and `faultlines serve` need no files at run time.
//! Whatever files exist are embedded; the loader reports missing ones.
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // The variable as cargo sets it for this run, not `env!`'s value from
    // when the script was compiled: a script built in another checkout that
    // shares the target directory would otherwise embed that checkout's
    // files, or none once it is gone.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("../../geodata");
    let mut files = Vec::new();
    for part in ["story", "map"] {
        collect(&root, &root.join(part), &mut files);
        println!("cargo:rerun-if-changed={}", root.join(part).display());
    }
    files.sort();
    let mut out = String::from("pub static EMBEDDED: &[(&str, &[u8])] = &[\n");
    for (rel, abs) in &files {
        writeln!(out, "    ({rel:?}, include_bytes!({abs:?})),").unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    std::fs::write(dest, out).unwrap();
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            println!("cargo:rerun-if-changed={}", p.display());
            collect(root, &p, out);
        } else if p
            .extension()
            .is_some_and(|x| x == "json" || x == "geojson" || x == "txt")
        {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, p.to_string_lossy().into_owned()));
        }
    }
}
