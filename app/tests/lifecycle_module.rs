//! The lifecycle module's files import each other without a circle: each file only
//! builds on the ones before it (definition → rules, terms → checks → request →
//! notices → refusals → words → machine → replay), so a newcomer can read them in that order.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may stop at the first surprise

use std::collections::{BTreeMap, BTreeSet};

/// `file → the lifecycle files it uses` from its `use super::…` and
/// `crate::lifecycle::…` paths (tests excluded).
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lifecycle");
    let files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .filter(|f| f != "mod")
        .collect();
    let mut graph = BTreeMap::new();
    for f in &files {
        let src = std::fs::read_to_string(dir.join(format!("{f}.rs"))).unwrap();
        let code = src.split("#[cfg(test)]").next().unwrap_or_default();
        let mut uses = BTreeSet::new();
        for other in files.iter().filter(|o| *o != f) {
            if code.contains(&format!("super::{other}"))
                || code.contains(&format!("lifecycle::{other}"))
            {
                uses.insert(other.clone());
            }
        }
        graph.insert(f.clone(), uses);
    }
    graph
}

#[test]
fn the_lifecycle_files_import_each_other_without_a_circle() {
    let graph = imports();
    assert!(graph.contains_key("definition") && graph.contains_key("machine"));
    // Depth-first search for a back edge.
    fn visit(
        f: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) {
        if done.contains(f) {
            return;
        }
        if let Some(i) = path.iter().position(|p| p == f) {
            panic!("import circle: {} → {f}", path[i..].join(" → "));
        }
        path.push(f.to_owned());
        for g in &graph[f] {
            visit(g, graph, path, done);
        }
        path.pop();
        done.insert(f.to_owned());
    }
    let mut done = BTreeSet::new();
    for f in graph.keys() {
        visit(f, &graph, &mut Vec::new(), &mut done);
    }
    assert!(
        graph["definition"].is_empty(),
        "the definition builds on nothing: {:?}",
        graph["definition"]
    );
}
