//! The default database location (its own test binary: it sets environment variables).

#[cfg(target_os = "linux")]
#[test]
fn default_db_path_is_in_the_apps_data_folder_which_it_creates() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The only test in this process, so changing the environment races with nothing.
    std::env::set_var("XDG_DATA_HOME", dir.path());
    let path = dateline_store::default_db_path().expect("default path");
    assert_eq!(
        path,
        dir.path().join("org.dateline.app").join("dateline.db")
    );
    assert!(
        path.parent().expect("folder").is_dir(),
        "the folder is created"
    );
    assert!(!path.exists(), "the database itself is created by open");
    let store = dateline_store::SqliteStore::open(&path).expect("open");
    drop(store);
    assert!(path.exists());
}
