//! Policies are data: the shipped procedures load, national variants differ only in data
//! (R38), and a bad file stops start-up naming the file, the key and the problem.
use redress::policy::{PolicySet, ProcedureKind};
use std::path::{Path, PathBuf};

fn shipped() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("policies")
}

/// A copy of the shipped policies with one file's text replaced.
fn edited(file: &str, from: &str, to: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&shipped(), dir.path());
    let path = dir.path().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} not in {file}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    let err = PolicySet::load(dir.path())
        .expect_err("the edited policy must be refused")
        .to_string();
    (dir, err)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// R38: mediation, recommendation and binding advice are three policy files, not code.
#[test]
fn r38_the_eu_default_and_two_national_procedures_load() {
    let set = PolicySet::load(&shipped()).unwrap();
    assert_eq!(set.default_procedure().id, "eu-default");
    let be = set.procedure("be-consumer-mediation", "2026.1").unwrap();
    assert_eq!(be.kind, ProcedureKind::Recommendation);
    assert_eq!(be.deadlines.information_request_working_days, Some(10));
    let nl = set.procedure("nl-binding-advice", "2026.1").unwrap();
    assert_eq!(nl.kind, ProcedureKind::BindingAdvice);
    assert_eq!(nl.deadlines.ruling_after_hearing_days, Some(30));
    assert_eq!(nl.deadlines.court_challenge_days, Some(60));
    assert!(nl.trader_participation_mandatory);
    assert!(
        set.procedure("eu-default", "1999.1").is_none(),
        "a version not loaded is not silently replaced"
    );
    assert_eq!(set.default_procedure().hash.len(), 64);
}

/// R8: no procedure may give staff more than three weeks to refuse.
#[test]
fn a_deadline_the_law_does_not_allow_names_file_and_key() {
    let (_dir, err) = edited(
        "procedures/eu-default.toml",
        "admissibility_days = 21",
        "admissibility_days = 30",
    );
    assert!(err.contains("eu-default.toml"), "{err}");
    assert!(err.contains("deadlines.admissibility_days"), "{err}");
    assert!(err.contains("three weeks"), "{err}");
}

#[test]
fn r7_a_filing_limit_under_one_year_is_refused() {
    let (_dir, err) = edited(
        "procedures/eu-default.toml",
        "filing_limit_days = 365",
        "filing_limit_days = 90",
    );
    assert!(err.contains("deadlines.filing_limit_days"), "{err}");
}

/// R7: a refusal ground outside ADR Directive art 5(4) cannot even be written down.
#[test]
fn r7_a_refusal_ground_the_directive_does_not_list_is_refused() {
    let (_dir, err) = edited(
        "procedures/eu-default.toml",
        "\"impairs_operation\",",
        "\"impairs_operation\", \"we_do_not_like_it\",",
    );
    assert!(err.contains("eu-default.toml"), "{err}");
    assert!(err.contains("we_do_not_like_it"), "{err}");
}

#[test]
fn an_unknown_key_names_its_line() {
    let (_dir, err) = edited(
        "procedures/nl-binding-advice.toml",
        "[rounds]\nmax = 2",
        "[rounds]\nmax = 2\nmaximum = 3",
    );
    assert!(err.contains("nl-binding-advice.toml"), "{err}");
    assert!(err.contains("maximum"), "{err}");
    assert!(err.contains("line"), "{err}");
}

#[test]
fn an_access_example_that_the_rules_contradict_stops_loading() {
    let (_dir, err) = edited(
        "access.toml",
        "role = \"staff\"\nrelation = \"none\"\naction = \"case.propose\"\nexpect = \"deny\"",
        "role = \"staff\"\nrelation = \"none\"\naction = \"case.propose\"\nexpect = \"allow\"",
    );
    assert!(err.contains("access.toml"), "{err}");
    assert!(err.contains("examples["), "{err}");
}

#[test]
fn an_action_redress_uses_must_be_declared() {
    let (_dir, err) = edited("access.toml", "  \"company.register\",\n]", "]");
    assert!(err.contains("vocabulary.actions"), "{err}");
    assert!(err.contains("company.register"), "{err}");
}

#[test]
fn a_default_procedure_that_does_not_exist_is_refused() {
    let (_dir, err) = edited(
        "entity.toml",
        "default_procedure = \"eu-default\"",
        "default_procedure = \"eu-defualt\"",
    );
    assert!(err.contains("default_procedure"), "{err}");
    assert!(err.contains("eu-defualt"), "{err}");
}
