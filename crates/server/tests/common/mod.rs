//! A real PostgreSQL and real `dateline-server` processes for the tests.
//!
//! One throwaway cluster per test binary: `initdb` into a temporary folder,
//! `postgres` on its own unix socket there (no TCP), as the `postgres` user
//! when the tests run as root (initdb refuses root). A watchdog shell stops the
//! cluster and deletes its folder when the test process ends, however it ends
//! (it waits on a pipe only the test process holds). Each test gets its own
//! database in that cluster.
//!
//! Without PostgreSQL binaries the tests skip loudly, unless
//! `DATELINE_REQUIRE_PG` is set (CI), in which case they fail.

#![allow(dead_code, clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The cluster shared by a test binary.
pub struct Cluster {
    bin: PathBuf,
    socket_dir: PathBuf,
    port: u16,
    /// Held, never used: its stdin closing is what stops the cluster.
    _watchdog: Mutex<Child>,
}

/// The folder holding `initdb` and `postgres`, if PostgreSQL is installed.
pub fn pg_bin() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("DATELINE_PG_BIN") {
        return Some(PathBuf::from(dir));
    }
    let beside = |p: &Path| {
        p.parent()
            .filter(|d| d.join("postgres").exists())
            .map(Path::to_path_buf)
    };
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            let initdb = dir.join("initdb");
            if initdb.exists() {
                if let Some(d) = std::fs::canonicalize(&initdb)
                    .ok()
                    .as_deref()
                    .and_then(beside)
                {
                    return Some(d);
                }
            }
        }
    }
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|b| b.join("initdb").exists())
        .collect();
    versions.sort_by_key(|p| {
        p.parent()
            .and_then(|v| v.file_name()?.to_str()?.parse::<u32>().ok())
            .unwrap_or(0)
    });
    versions.pop()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// A command run as the cluster's owner (`postgres` when we are root).
fn as_owner(program: &Path) -> Command {
    if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    }
}

/// The shared cluster, started on first use; `None` (after a loud message)
/// when PostgreSQL is not installed and not required.
pub fn cluster() -> Option<&'static Cluster> {
    static CLUSTER: OnceLock<Option<Cluster>> = OnceLock::new();
    CLUSTER.get_or_init(start_cluster).as_ref()
}

fn start_cluster() -> Option<Cluster> {
    let Some(bin) = pg_bin() else {
        if std::env::var_os("DATELINE_REQUIRE_PG").is_some() {
            panic!("DATELINE_REQUIRE_PG is set but no PostgreSQL binaries (initdb, postgres) were found");
        }
        eprintln!("\n!!!!!!!!!! SKIPPED: PostgreSQL is not installed (no initdb); these server tests did NOT run. Install postgresql or set DATELINE_PG_BIN. !!!!!!!!!!\n");
        return None;
    };
    let dir = tempfile::Builder::new()
        .prefix("dateline-pg-")
        .tempdir()
        .unwrap()
        .keep();
    if is_root() {
        let ok = Command::new("chown")
            .args(["postgres:postgres"])
            .arg(&dir)
            .status()
            .unwrap()
            .success();
        assert!(ok, "cannot give {} to the postgres user", dir.display());
    }
    let data = dir.join("data");
    let out = as_owner(&bin.join("initdb"))
        .arg("-D")
        .arg(&data)
        .args([
            "-A",
            "trust",
            "-U",
            "dateline",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "initdb failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    // postgres runs until our stdin closes (this process ends), then the
    // folder goes with it.
    let script = format!(
        "'{pg}' -D '{data}' -k '{dir}' -p {port} -c listen_addresses= -c fsync=off \
         -c max_connections=300 -c shared_buffers=32MB >'{dir}/log' 2>&1 & pid=$!; \
         read _; kill -QUIT $pid; wait $pid; rm -rf '{dir}'",
        pg = bin.join("postgres").display(),
        data = data.display(),
        dir = dir.display(),
    );
    let sh = PathBuf::from("/bin/sh");
    let watchdog = as_owner(&sh)
        .args(["-c", &script])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    let c = Cluster {
        bin,
        socket_dir: dir,
        port,
        _watchdog: Mutex::new(watchdog),
    };
    let start = Instant::now();
    while !c.psql("postgres", "SELECT 1") {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "PostgreSQL did not start; see {}/log",
            c.socket_dir.display()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    Some(c)
}

impl Cluster {
    /// The connection string of database `db`.
    pub fn url(&self, db: &str) -> String {
        format!(
            "host={} port={} user=dateline dbname={db}",
            self.socket_dir.display(),
            self.port
        )
    }

    /// The postmaster's process id (for CPU readings).
    pub fn postmaster_pid(&self) -> u32 {
        std::fs::read_to_string(self.socket_dir.join("data/postmaster.pid"))
            .ok()
            .and_then(|s| s.lines().next()?.trim().parse().ok())
            .unwrap_or(0)
    }

    /// Runs one SQL statement with psql; whether it succeeded.
    pub fn psql(&self, db: &str, sql: &str) -> bool {
        self.psql_out(db, sql).is_some()
    }

    /// Runs one SQL statement; its unaligned output.
    pub fn psql_out(&self, db: &str, sql: &str) -> Option<String> {
        let out = Command::new(self.bin.join("psql"))
            .arg("-h")
            .arg(&self.socket_dir)
            .args(["-p", &self.port.to_string(), "-U", "dateline", "-d", db])
            .args(["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql])
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    }
}

/// An interactive psql session (for holding a transaction open).
pub struct PsqlSession {
    child: Child,
    out: BufReader<std::process::ChildStdout>,
}

impl PsqlSession {
    /// Sends SQL text.
    pub fn send(&mut self, sql: &str) {
        let stdin = self.child.stdin.as_mut().unwrap();
        stdin.write_all(sql.as_bytes()).unwrap();
        stdin.write_all(b"\n").unwrap();
        stdin.flush().unwrap();
    }

    /// Reads psql's output until a line equal to `tag` (a command tag such as `COMMIT`).
    pub fn wait_for(&mut self, tag: &str) {
        let mut line = String::new();
        loop {
            line.clear();
            let n = self.out.read_line(&mut line).unwrap();
            assert!(n > 0, "psql ended before printing {tag}");
            if line.trim() == tag {
                return;
            }
        }
    }
}

impl Drop for PsqlSession {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

/// A fresh database of its own for one test.
pub struct Db {
    pub cluster: &'static Cluster,
    pub name: String,
    pub url: String,
}

/// The `dateline-server` binary: this package's own, or, from another package's
/// tests (which `cargo test --workspace` builds alongside it), the one in the
/// folder above the test binary's.
pub fn server_bin() -> PathBuf {
    if let Some(own) = option_env!("CARGO_BIN_EXE_dateline-server") {
        return own.into();
    }
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().and_then(Path::parent).unwrap();
    dir.join(format!("dateline-server{}", std::env::consts::EXE_SUFFIX))
}

/// A new empty database, or `None` when the tests are skipped.
pub fn db() -> Option<Db> {
    static N: AtomicUsize = AtomicUsize::new(0);
    let cluster = cluster()?;
    let name = format!(
        "t_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    );
    assert!(cluster.psql("postgres", &format!("CREATE DATABASE {name}")));
    let url = cluster.url(&name);
    Some(Db { cluster, name, url })
}

impl Db {
    /// One value from SQL run directly against the database.
    pub fn scalar(&self, sql: &str) -> String {
        self.cluster.psql_out(&self.name, sql).unwrap()
    }

    /// A psql session on this database, reading SQL from [`PsqlSession::send`].
    pub fn psql_session(&self) -> PsqlSession {
        let c = self.cluster;
        let mut child = Command::new(c.bin.join("psql"))
            .arg("-h")
            .arg(&c.socket_dir)
            .args([
                "-p",
                &c.port.to_string(),
                "-U",
                "dateline",
                "-d",
                &self.name,
            ])
            .args(["-X", "-A", "-t", "-v", "ON_ERROR_STOP=1"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let out = BufReader::new(child.stdout.take().unwrap());
        PsqlSession { child, out }
    }

    /// Adds a user through `dateline-server user add`.
    pub fn add_user(&self, name: &str, role: &str, workspace: &str, password: &str) {
        let mut child = self
            .command()
            .args([
                "user",
                "add",
                name,
                "--role",
                role,
                "--workspace",
                workspace,
            ])
            .arg("--password-stdin")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(format!("{password}\n").as_bytes())
            .unwrap();
        assert!(child.wait().unwrap().success(), "user add {name} failed");
    }

    /// `dateline-server …` against this database.
    pub fn command(&self) -> Command {
        let mut c = Command::new(server_bin());
        c.env("DATELINE_DATABASE_URL", &self.url);
        c
    }

    /// Starts a server on a free loopback port.
    pub fn server(&self) -> Server {
        self.server_with(&[])
    }

    /// Starts a server with extra environment variables.
    pub fn server_with(&self, env: &[(&str, &str)]) -> Server {
        let mut child = self
            .command()
            .args(["serve", "--listen", "127.0.0.1:0"])
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .trim()
            .strip_prefix("dateline-server listening on ")
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .to_string();
        Server { child, url }
    }
}

/// A running `dateline-server`, killed when dropped.
pub struct Server {
    child: Child,
    pub url: String,
}

impl Server {
    /// SIGKILL, as a crash or an OOM kill would.
    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// The process id (for CPU and memory readings).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the process is still running.
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill9();
    }
}
