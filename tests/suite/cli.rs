//! The `redress` command as an operator uses it.
use crate::common::TestApp;
use std::io::Write;
use std::process::{Command, Output, Stdio};

pub fn redress(database: &str, args: &[&str], stdin: &str) -> Output {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut child = Command::new(env!("CARGO_BIN_EXE_redress"))
        .current_dir(root)
        .env_remove("REDRESS_DATABASE_URL")
        .env("REDRESS_LOG", "error")
        .arg("--database")
        .arg(database)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the redress binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

pub fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn sqlite_url(dir: &tempfile::TempDir) -> String {
    format!("sqlite://{}?mode=rwc", dir.path().join("cli.db").display())
}

#[test]
fn migrate_then_create_users_from_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite_url(&dir);
    let out = redress(&db, &["migrate"], "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("up to date"));

    let create = [
        "users",
        "create",
        "--role",
        "company",
        "--email",
        "rep@shop.example",
        "--company",
        "Shop BV",
    ];
    let out = redress(&db, &create, "a long enough passphrase\n");
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("created company account rep@shop.example"));

    let out = redress(&db, &create, "a long enough passphrase\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("already exists"));

    let out = redress(
        &db,
        &[
            "users",
            "create",
            "--role",
            "staff",
            "--email",
            "s@x.example",
        ],
        "short\n",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("at least 12 characters"),
        "{}",
        text(&out)
    );

    let out = redress(
        &db,
        &[
            "users",
            "create",
            "--role",
            "company",
            "--email",
            "c@x.example",
        ],
        "a long enough passphrase\n",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("--company"), "{}", text(&out));

    let neutral = [
        "users",
        "create",
        "--role",
        "neutral",
        "--email",
        "lawyer@adr.example",
        "--kind",
        "in_house_lawyer",
        "--languages",
        "de,en",
        "--sectors",
        "travel,energy",
    ];
    let out = redress(&db, &neutral, "aaaaaaaaaaaaaaaa\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("too easy to guess"), "{}", text(&out));
    let out = redress(&db, &neutral, "a long enough passphrase\n");
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("created neutral account lawyer@adr.example"));

    let out = redress(&db, &["audit", "verify"], "");
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("intact: 3 entries"), "{}", text(&out));
}

/// R26: `redress audit verify` exits 0 when intact and 1 naming the first broken entry.
#[tokio::test]
async fn r26_audit_verify_exits_1_and_names_the_broken_entry() {
    let app = TestApp::sqlite().await;
    let cast = app.cast().await;
    app.file(&cast).await;
    let db = app.database_url().to_string();
    let out = redress(&db, &["audit", "verify"], "");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));

    use sea_orm::ConnectionTrait;
    app.state
        .db
        .execute_unprepared("UPDATE audit_entries SET at = '2020-01-01T00:00:00Z' WHERE seq = 2")
        .await
        .unwrap();
    let out = redress(&db, &["audit", "verify"], "");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("BROKEN at entry 2"), "{}", text(&out));
}

#[test]
fn a_bad_policy_directory_stops_the_command_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite_url(&dir);
    let out = redress(&db, &["--policies", "/nonexistent/policies", "migrate"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).contains("policy directory does not exist"),
        "{}",
        text(&out)
    );
}

#[test]
fn an_unknown_database_kind_is_refused_clearly() {
    let out = redress("mysql://root@localhost/test", &["migrate"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).contains("unsupported database URL"),
        "{}",
        text(&out)
    );
}

/// R27: keys are made, rotated and listed by the operator; a second `generate` is refused;
/// the private key file is the owner's alone.
#[test]
fn keys_are_generated_rotated_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite_url(&dir);
    let data = dir.path().join("data");
    let keys = |cmd: &str| {
        redress(
            &db,
            &["--data-dir", data.to_str().unwrap(), "keys", cmd],
            "",
        )
    };
    let out = keys("generate");
    assert!(out.status.success(), "{}", text(&out));
    let first = text(&out);
    let out = keys("generate");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("keys rotate"), "{}", text(&out));
    let out = keys("rotate");
    assert!(out.status.success(), "{}", text(&out));
    let out = keys("list");
    let listed = text(&out);
    assert_eq!(listed.lines().count(), 2, "{listed}");
    assert!(
        listed.contains("until") && listed.contains("in use"),
        "{listed}"
    );
    let id = first.split_whitespace().nth(2).unwrap();
    assert!(listed.contains(id), "{listed} lacks {id}");
    let file = data.join("keys").join(format!("{id}.pem"));
    let pem = std::fs::read_to_string(&file).unwrap();
    assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
