//! The bad-input corpus: every file under `tests/import/bad/` is imported
//! and must give the message `EXPECTED.tsv` lists for it (or, for files
//! that import, `events=N problems=M`). Each file is a mistake users make:
//! a spreadsheet saved as UTF-16 or Latin-1, a zip, an impossible date,
//! swapped coordinates. A new case is a file and a line; no case can be
//! left without its expectation, nor an expectation without its file.

use std::collections::BTreeMap;
use std::path::Path;

use faultlines_import::{parse_source, Options};

fn outcome(name: &str, bytes: &[u8]) -> String {
    match parse_source(name, bytes, &Options::default()) {
        Err(e) => e.to_string(),
        Ok(p) => {
            let mut lines: Vec<String> = p.problems.iter().map(|x| x.to_string()).collect();
            lines.push(format!(
                "events={} problems={}",
                p.events.len(),
                p.problems.len()
            ));
            lines.join("\n")
        }
    }
}

#[test]
fn every_bad_input_gets_its_expected_message_and_no_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import/bad");
    let expected: BTreeMap<String, String> = std::fs::read_to_string(dir.join("EXPECTED.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (f, e) = l.split_once('\t').expect("file<TAB>message");
            (f.to_string(), e.to_string())
        })
        .collect();
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "EXPECTED.tsv")
        .collect();
    files.sort();
    assert!(files.len() >= 40, "the corpus has {} files", files.len());
    let listed: Vec<&String> = expected.keys().collect();
    assert_eq!(
        files.iter().collect::<Vec<_>>(),
        listed,
        "every file has one expectation"
    );
    let mut wrong = Vec::new();
    for name in &files {
        let got = outcome(name, &std::fs::read(dir.join(name)).unwrap());
        if !got.contains(&expected[name]) {
            wrong.push(format!(
                "{name}: expected {:?}\n  got {got:?}",
                expected[name]
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_hundred_megabyte_line_is_refused_without_reading_it_whole() {
    // Not committed (it would be 100 MB): made here, streamed in pieces.
    struct Endless(u64);
    impl std::io::Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf.len().min(self.0 as usize);
            buf[..n].fill(b'a');
            self.0 -= n as u64;
            Ok(n)
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.csv");
    let mut f = std::fs::File::create(&path).unwrap();
    std::io::Write::write_all(&mut f, b"id,date,lat,lon,title\ne1,2022,40,44,").unwrap();
    std::io::copy(&mut Endless(100 << 20), &mut f).unwrap();
    drop(f);
    let err = faultlines_import::import(
        &[path],
        &dir.path().join("out"),
        &Options::default(),
        &|_| true,
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("huge.csv") && err.contains("longer than 1 MiB"),
        "{err}"
    );
    assert!(!dir.path().join("out").exists(), "nothing is written");
}
