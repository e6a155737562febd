//! The core's modules form layers: each one uses only the modules below it, so no module imports a
//! module that imports it back (directly or round a longer circle).
//!
//! The test reads the crate's sources, collects every `crate::…` path outside the test modules
//! (resolving the names `lib.rs` re-exports to the module they come from), and checks each path
//! against the order below. A new module must be placed in the order before it can be used.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The core's top-level modules, lowest layer first (README, "The core's layers").
const LAYERS: &[&str] = &[
    "tables", "swar", "simd", "charset", "alphabet", "encoding", "options", "classify", "error",
    "smart", "layout", "split", "analysis", "pdu",
];

/// The source of `path` without its `#[cfg(test)] mod tests` module and without comments.
fn code_of(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => &text[..],
    };
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The identifiers that follow `crate::` in `code`: `crate::a::b` gives `a`, `crate::{a, b::c}`
/// gives `a` and `b`.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',') {
                let name = ident(item.trim());
                if !name.is_empty() {
                    found.insert(name);
                }
            }
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

/// The module each name `lib.rs` re-exports comes from (`pub use module::{A, B}`).
fn reexports(lib: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for statement in lib.split(';') {
        let Some(at) = statement.find("pub use ") else {
            continue;
        };
        let path = statement[at + "pub use ".len()..].trim();
        let Some((module, items)) = path.split_once("::") else {
            continue;
        };
        let items = items.trim_start_matches('{').trim_end_matches('}');
        for item in items.split(',') {
            let name = item.split("::").last().unwrap_or("").trim();
            if !name.is_empty() && name != "*" {
                names.insert(name.to_string(), module.trim().to_string());
            }
        }
    }
    names
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = fs::read_to_string(src.join("lib.rs")).unwrap();
    let names = reexports(&lib);
    let rank = |module: &str| LAYERS.iter().position(|m| *m == module);

    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut modules_seen = BTreeSet::new();
    let mut wrong = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str();
        let module = first.to_str().unwrap().trim_end_matches(".rs").to_string();
        if module == "lib" {
            continue;
        }
        modules_seen.insert(module.clone());
        let Some(own) = rank(&module) else {
            wrong.push(format!("{module} is not placed in LAYERS"));
            continue;
        };
        for name in crate_paths(&code_of(file)) {
            // A re-exported name stands for its module; anything else re-exported by a glob is
            // the pdu layer's (`pub use pdu::*`).
            let target = if rank(&name).is_some() {
                name.clone()
            } else if let Some(module) = names.get(&name) {
                module.clone()
            } else if name.starts_with(char::is_uppercase) {
                "pdu".to_string()
            } else {
                continue;
            };
            if target == module {
                continue;
            }
            match rank(&target) {
                Some(theirs) if theirs < own => {}
                _ => wrong.push(format!(
                    "{} uses crate::{name} ({target}), which is not below {module}",
                    relative.display()
                )),
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken:\n{}", wrong.join("\n"));
    // The order names exactly the modules there are.
    let listed: BTreeSet<String> = LAYERS.iter().map(|m| m.to_string()).collect();
    assert_eq!(listed, modules_seen);
}

#[test]
fn the_reader_sees_imports_and_reexports() {
    // The helpers above, on hand-written input: an import in a test module does not count, a
    // group import gives each of its modules, a re-export resolves to its module.
    let code = "use crate::{charset::Charset, tables};\nfn f() { crate::swar::x(); }\n";
    let paths: Vec<String> = crate_paths(code).into_iter().collect();
    assert_eq!(paths, ["charset", "swar", "tables"]);
    let lib =
        "pub use charset::{Charset, SenderType};\npub use encoding::Encoding;\npub use pdu::*;";
    let names = reexports(lib);
    assert_eq!(names["Charset"], "charset");
    assert_eq!(names["SenderType"], "charset");
    assert_eq!(names["Encoding"], "encoding");
    assert!(!names.contains_key("*"));
}
