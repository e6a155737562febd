//! Every link in the repository's Markdown files leads somewhere a reader of a fresh clone can
//! follow: a public `http(s)` address, or a file or folder inside the repository (never
//! `../shared` or another path outside it), and a `#heading` that the target file has.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Component, Path, PathBuf};

/// Folders that hold build output or installed packages, not the repository's own files.
const SKIPPED: &[&str] = &[
    ".git",
    "target",
    "node_modules",
    "pkg",
    "test-output",
    "corpus",
    "artifacts",
];

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            if !SKIPPED.contains(&name.as_str()) {
                markdown_files(&path, out);
            }
        } else if name.ends_with(".md") {
            out.push(path);
        }
    }
}

/// The text without fenced code blocks (a link inside one is code, not a link).
fn prose(markdown: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Every `[text](target)` link of `markdown`'s prose.
fn links(markdown: &str) -> Vec<String> {
    let text = prose(markdown);
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("](") {
        rest = &rest[at + 2..];
        if let Some(end) = rest.find(')') {
            let target = &rest[..end];
            if !target.contains(char::is_whitespace) {
                out.push(target.to_string());
            }
        }
    }
    out
}

/// GitHub's anchor of a heading: lower case, punctuation other than `-` and `_` dropped,
/// spaces as `-`.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

fn anchors(markdown: &str) -> BTreeSet<String> {
    prose(markdown)
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| anchor(l.trim_start_matches('#')))
        .collect()
}

/// `path` with `.` and `..` resolved lexically; `None` when it climbs above its start.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::Normal(p) => out.push(p),
            _ => return None,
        }
    }
    Some(out)
}

#[test]
fn markdown_links_stay_inside_the_repository_and_resolve() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    markdown_files(root, &mut files);
    assert!(files.iter().any(|f| f.ends_with("README.md")), "{files:?}");
    let mut checked = 0;
    let mut broken = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(root).unwrap();
        let markdown = fs::read_to_string(file).unwrap();
        for link in links(&markdown) {
            checked += 1;
            if link.starts_with("https://") || link.starts_with("http://") {
                continue;
            }
            let (path, heading) = link.split_once('#').unwrap_or((&link, ""));
            let target = if path.is_empty() {
                Some(relative.to_path_buf())
            } else {
                normalize(&relative.parent().unwrap().join(path))
            };
            let Some(target) = target.filter(|t| root.join(t).exists()) else {
                broken.push(format!(
                    "{}: {link} is not a file of the repository",
                    relative.display()
                ));
                continue;
            };
            if !heading.is_empty() && target.extension().is_some_and(|e| e == "md") {
                let headings = anchors(&fs::read_to_string(root.join(&target)).unwrap());
                if !headings.contains(heading) {
                    broken.push(format!(
                        "{}: {link}: no heading #{heading} in {}",
                        relative.display(),
                        target.display()
                    ));
                }
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
    assert!(
        checked >= 5,
        "only {checked} links found: the scan is broken"
    );
}

#[test]
fn the_link_checker_catches_what_it_must() {
    assert_eq!(
        links("see [a](b.md) and [c](#d)\n```\n[e](f)\n```\n[g](../shared/x.md)"),
        ["b.md", "#d", "../shared/x.md"]
    );
    assert_eq!(normalize(Path::new("a/../../shared/x.md")), None);
    assert_eq!(
        normalize(Path::new("report/../README.md")),
        Some(PathBuf::from("README.md"))
    );
    assert_eq!(
        anchor(" WebAssembly: `septet-wasm` and the calculator page"),
        "webassembly-septet-wasm-and-the-calculator-page"
    );
}
