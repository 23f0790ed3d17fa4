//! Starts what an end-to-end test needs and tears it down in order: its own
//! Xvfb display, its own tauri-driver (with its own port pair) and a WebDriver
//! session on the real app binary, with a temporary database and export folder.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;
use thirtyfour::prelude::*;
use thirtyfour::Capabilities;

/// The app under test: `$DATELINE_APP_BIN` (e.g. the release build `tauri build`
/// made, for measurements), else the binary cargo built for this test (with the
/// `custom-protocol` feature).
pub fn app_bin() -> PathBuf {
    match std::env::var_os("DATELINE_APP_BIN").filter(|v| !v.is_empty()) {
        Some(p) => std::fs::canonicalize(&p).unwrap_or_else(|_| PathBuf::from(p)),
        None => PathBuf::from(env!("CARGO_BIN_EXE_dateline-app")),
    }
}

/// Where screenshots go (gitignored).
pub fn output_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e-output");
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// A display and a data folder shared by the app launches of one test.
pub struct Env {
    xvfb: Child,
    pub display: String,
    pub dir: tempfile::TempDir,
    slot: u16,
}

impl Env {
    /// Starts Xvfb on display `:90 + slot`; `slot` also picks the driver ports.
    pub fn new(slot: u16) -> Env {
        let number = 90 + slot;
        let display = format!(":{number}");
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{number}"));
        let xvfb = Command::new("Xvfb")
            .args([&display, "-screen", "0", "1280x860x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb is needed for the e2e tests (apt-get install xvfb)");
        wait_for(Duration::from_secs(10), || socket.exists(), "Xvfb to start");
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("exports")).expect("exports dir");
        Env {
            xvfb,
            display,
            dir,
            slot,
        }
    }

    /// The database of this test.
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("dateline.db")
    }

    /// Where the app writes exports (`DATELINE_EXPORT_DIR`).
    pub fn exports(&self) -> PathBuf {
        self.dir.path().join("exports")
    }

    /// Launches the app under tauri-driver and opens a WebDriver session on it.
    pub async fn launch(&self) -> App {
        self.launch_with(&[]).await
    }

    /// [`launch`](Self::launch) with extra environment for the app (e.g. a dark GTK theme).
    pub async fn launch_with(&self, extra: &[(&str, &str)]) -> App {
        self.launch_bin(&app_bin(), extra).await
    }

    /// Launches another binary than the app (e.g. the empty-page floor the
    /// measurements compare with) the same way.
    pub async fn launch_bin(&self, bin: &Path, extra: &[(&str, &str)]) -> App {
        match self.try_launch_bin(bin, extra).await {
            Ok(app) => app,
            Err(e) => panic!("{e}"),
        }
    }

    /// [`launch_bin`](Self::launch_bin), saying why when there is no session;
    /// the driver it started is stopped then.
    pub async fn try_launch_bin(&self, bin: &Path, extra: &[(&str, &str)]) -> Result<App, String> {
        let bin = std::fs::canonicalize(bin).unwrap_or_else(|_| bin.to_path_buf());
        let bin = bin.as_path();
        let port = 4600 + self.slot * 2;
        // A driver still stopping (or left by an earlier run) would answer in place of
        // the new one, with another app and another database.
        let free = |p: u16| std::net::TcpStream::connect(("127.0.0.1", p)).is_err();
        let start = Instant::now();
        while !(free(port) && free(port + 1)) {
            if start.elapsed() > Duration::from_secs(10) {
                return Err(format!(
                    "ports {port}/{} are taken by another WebDriver",
                    port + 1
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let driver_bin = which_driver();
        let home = self.dir.path();
        let driver = Command::new(driver_bin)
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &(port + 1).to_string(),
            ])
            .env("DISPLAY", &self.display)
            .env("DATELINE_DB", self.db())
            .env("DATELINE_EXPORT_DIR", self.exports())
            .env("DATELINE_AUTHOR", "e2e")
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            // No session bus: the single-instance plugin then launches normally
            // instead of handing over to a Dateline the developer has open.
            .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
            .env_remove("WAYLAND_DISPLAY")
            .envs(extra.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect(
                "tauri-driver is needed for the e2e tests (cargo install tauri-driver --locked)",
            );
        // Owned from here: dropped on any failure, which stops the driver.
        let mut app = App {
            driver: Some(driver),
            session: None,
            launched: Instant::now(),
            bin: bin.to_path_buf(),
        };
        wait_for(
            Duration::from_secs(10),
            || std::net::TcpStream::connect(("127.0.0.1", port)).is_ok(),
            "tauri-driver to listen",
        );
        let url = format!("http://127.0.0.1:{port}");
        let launched = Instant::now();
        let mut caps = Capabilities::new();
        caps.set("browserName", "wry").expect("capability");
        caps.set("tauri:options", json!({ "application": bin }))
            .expect("capability");
        let started = Instant::now();
        let session = loop {
            match WebDriver::new(&url, caps.clone()).await {
                Ok(s) => break s,
                Err(e) if started.elapsed() > Duration::from_secs(30) => {
                    return Err(format!("no WebDriver session on {url}: {e}"));
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        };
        app.session = Some(session);
        app.launched = launched;
        Ok(app)
    }
}

impl Drop for Env {
    fn drop(&mut self) {
        terminate(&mut self.xvfb);
    }
}

/// A running app and its WebDriver session.
pub struct App {
    driver: Option<Child>,
    session: Option<WebDriver>,
    /// When the session (and so the app) was requested, the driver already listening.
    pub launched: Instant,
    /// The binary the driver launched.
    bin: PathBuf,
}

impl App {
    /// The session.
    pub fn s(&self) -> &WebDriver {
        self.session.as_ref().expect("session is open")
    }

    /// Ends the session (always before asserting on a result) and the driver.
    pub async fn quit(mut self) {
        if let Some(s) = self.session.take() {
            let _ = tokio::time::timeout(Duration::from_secs(10), s.quit()).await;
        }
        if let Some(mut d) = self.driver.take() {
            terminate(&mut d);
        }
    }

    /// The app's pid and every process below it (WebKit's web and network processes).
    pub fn processes(&self) -> Vec<u32> {
        let driver = self.driver.as_ref().expect("driver").id();
        let Some(app) = descendants(driver)
            .into_iter()
            .find(|p| exe_of(*p).as_ref() == Some(&self.bin))
        else {
            return vec![];
        };
        let mut all = vec![app];
        all.extend(descendants(app));
        all
    }

    /// Kills the app process itself (SIGKILL, as a crash or power cut would), then
    /// stops the driver. Returns the pid that was killed.
    pub async fn kill_app(mut self) -> u32 {
        let driver = self.driver.as_ref().expect("driver").id();
        let pid = descendants(driver)
            .into_iter()
            .find(|p| exe_of(*p).as_ref() == Some(&self.bin))
            .expect("the app process under tauri-driver");
        let status = Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status();
        assert!(status.map(|s| s.success()).unwrap_or(false), "kill {pid}");
        if let Some(s) = self.session.take() {
            let _ = tokio::time::timeout(Duration::from_secs(5), s.quit()).await;
        }
        if let Some(mut d) = self.driver.take() {
            terminate(&mut d);
        }
        pid
    }
}

impl Drop for App {
    fn drop(&mut self) {
        if let Some(mut d) = self.driver.take() {
            terminate(&mut d);
        }
    }
}

/// SIGTERM (so tauri-driver stops its WebKitWebDriver too), then wait.
fn terminate(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// Every process below `root` (children, grandchildren, …), from /proc.
fn descendants(root: u32) -> Vec<u32> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for e in entries.flatten() {
            let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else {
                continue;
            };
            if let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) {
                // "pid (comm) state ppid …"; comm may contain spaces, so split after ')'.
                if let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) {
                    if let Some(ppid) = rest.split_whitespace().nth(1).and_then(|s| s.parse().ok())
                    {
                        parents.push((pid, ppid));
                    }
                }
            }
        }
    }
    let mut out = vec![];
    let mut frontier = vec![root];
    while let Some(p) = frontier.pop() {
        for (child, _) in parents.iter().filter(|(_, pp)| *pp == p) {
            out.push(*child);
            frontier.push(*child);
        }
    }
    out
}

fn exe_of(pid: u32) -> Option<PathBuf> {
    std::fs::read_link(format!("/proc/{pid}/exe")).ok()
}

/// tauri-driver from PATH or ~/.cargo/bin.
fn which_driver() -> PathBuf {
    if let Some(home) = std::env::var_os("HOME") {
        let p = Path::new(&home).join(".cargo/bin/tauri-driver");
        if p.exists() {
            return p;
        }
    }
    PathBuf::from("tauri-driver")
}

/// Polls `ok` until it holds or `timeout` passes (then panics naming `what`).
pub fn wait_for(timeout: Duration, mut ok: impl FnMut() -> bool, what: &str) {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < timeout, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}
