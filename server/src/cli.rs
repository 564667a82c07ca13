//! The command line: `server [serve] [--demo|--no-demo]`, `server create-admin`.

#[derive(Debug, PartialEq)]
pub enum Command {
    /// Serve the app. `demo`: Some(true) = seed demo data if the database is empty,
    /// Some(false) = never, None = the default (SQLite yes, PostgreSQL no).
    Serve {
        demo: Option<bool>,
    },
    /// Create an admin account (password from HOURBANK_ADMIN_PASSWORD) and exit.
    CreateAdmin {
        email: String,
        name: String,
    },
    /// Write a consistent copy of the SQLite database to a new file, while the server runs.
    Backup {
        to: String,
    },
    /// Run the whole-bank audit on the configured database; non-zero exit on findings.
    Audit,
    /// The load benchmark (see `bench`).
    Bench(crate::bench::BenchArgs),
    /// The crash test (see `bench::crash`).
    CrashTest(crate::bench::crash::CrashArgs),
    Help,
}

pub fn usage() -> String {
    format!(
        "{USAGE}{}\n{}",
        crate::bench::USAGE,
        crate::bench::crash::USAGE
    )
}

const USAGE: &str = "usage:
  server [serve] [--demo | --no-demo]      serve HourBank (DATABASE_URL, default sqlite://data/hourbank.db)
  server create-admin --email E [--name N] create an admin account; the password is read from
                                           HOURBANK_ADMIN_PASSWORD (at least 10 characters)
  server backup --to FILE                  a consistent copy of the SQLite database (DATABASE_URL)
                                           into a new file, safe while the server runs
  server audit                             the whole-bank audit of DATABASE_URL (conservation,
                                           holds, every history replayed); exits 1 with the
                                           findings if anything is off, read-only, safe live
";

pub fn parse(args: &[String]) -> Result<Command, String> {
    let mut it = args.iter().map(String::as_str).peekable();
    match it.peek().copied() {
        None | Some("serve") | Some("--demo") | Some("--no-demo") => {
            if it.peek() == Some(&"serve") {
                it.next();
            }
            let mut demo = None;
            for a in it {
                match a {
                    "--demo" => demo = Some(true),
                    "--no-demo" => demo = Some(false),
                    other => return Err(format!("unknown option {other:?}\n{}", usage())),
                }
            }
            Ok(Command::Serve { demo })
        }
        Some("create-admin") => {
            it.next();
            let (mut email, mut name) = (None, None);
            while let Some(a) = it.next() {
                match a {
                    "--email" => email = it.next().map(str::to_owned),
                    "--name" => name = it.next().map(str::to_owned),
                    other => return Err(format!("unknown option {other:?}\n{}", usage())),
                }
            }
            let email = email.ok_or_else(|| format!("create-admin needs --email\n{}", usage()))?;
            Ok(Command::CreateAdmin {
                email,
                name: name.unwrap_or_else(|| "Admin".to_owned()),
            })
        }
        Some("backup") => {
            it.next();
            match (it.next(), it.next(), it.next()) {
                (Some("--to"), Some(to), None) if !to.is_empty() => {
                    Ok(Command::Backup { to: to.to_owned() })
                }
                _ => Err(format!("backup needs --to FILE\n{}", usage())),
            }
        }
        Some("audit") => {
            it.next();
            match it.next() {
                None => Ok(Command::Audit),
                Some(other) => Err(format!("audit takes no options ({other:?})\n{}", usage())),
            }
        }
        Some("bench") => {
            it.next();
            crate::bench::BenchArgs::parse(it)
                .map(Command::Bench)
                .map_err(|e| format!("{e}\n{}", usage()))
        }
        Some("crash-test") => {
            it.next();
            crate::bench::crash::CrashArgs::parse(it)
                .map(Command::CrashTest)
                .map_err(|e| format!("{e}\n{}", usage()))
        }
        Some("-h") | Some("--help") | Some("help") => Ok(Command::Help),
        Some(other) => Err(format!("unknown command {other:?}\n{}", usage())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &[&str]) -> Result<Command, String> {
        parse(&s.iter().map(|x| x.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn parses_commands() {
        assert_eq!(p(&[]), Ok(Command::Serve { demo: None }));
        assert_eq!(
            p(&["serve", "--demo"]),
            Ok(Command::Serve { demo: Some(true) })
        );
        assert_eq!(p(&["--no-demo"]), Ok(Command::Serve { demo: Some(false) }));
        assert_eq!(
            p(&["create-admin", "--email", "a@b.org"]),
            Ok(Command::CreateAdmin {
                email: "a@b.org".into(),
                name: "Admin".into()
            })
        );
        assert!(p(&["create-admin"]).is_err());
        assert!(p(&["serve", "--bogus"]).is_err());
        assert!(p(&["launch"]).is_err());
        assert!(matches!(p(&["bench", "--smoke"]), Ok(Command::Bench(b)) if b.users == 4));
        assert!(p(&["bench", "--users", "none"]).is_err());
        assert_eq!(
            p(&["backup", "--to", "b.db"]),
            Ok(Command::Backup { to: "b.db".into() })
        );
        assert!(p(&["backup"]).is_err());
        assert!(p(&["backup", "--to", "a", "b"]).is_err());
        assert_eq!(p(&["audit"]), Ok(Command::Audit));
        assert!(p(&["audit", "--fix"]).is_err());
    }
}
