//! Several writers: threads sharing a store, and two connections on one file.

mod common;

use std::sync::Arc;

use common::{by, edit_word, seed};
use dateline_store::{SqliteStore, Store};

#[test]
fn two_threads_share_one_store() {
    let s = Arc::new(SqliteStore::open_in_memory().expect("store"));
    let r = seed();
    let (id, _) = s.create(&r, &by("ana", None)).expect("create");
    let handles: Vec<_> = (0..2)
        .map(|t| {
            let (s, r, id) = (Arc::clone(&s), r.clone(), id.clone());
            std::thread::spawn(move || {
                (0..25)
                    .map(|i| s.save(&id, &edit_word(&r, 0, &format!("t{t}w{i}")), &by("x", None)))
                    .collect::<Result<Vec<u32>, _>>()
            })
        })
        .collect();
    let mut numbers: Vec<u32> = handles
        .into_iter()
        .flat_map(|h| h.join().expect("thread").expect("saves"))
        .collect();
    numbers.sort_unstable();
    assert_eq!(
        numbers,
        (2..=51).collect::<Vec<u32>>(),
        "every save got its own number"
    );
}

#[test]
fn two_connections_on_one_file_wait_for_each_other() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("shared.db");
    let first = SqliteStore::open(&db).expect("open");
    let r = seed();
    let (id, _) = first.create(&r, &by("ana", None)).expect("create");
    let second = SqliteStore::open(&db).expect("second connection");

    let handles: Vec<_> = [first, second]
        .into_iter()
        .enumerate()
        .map(|(t, s)| {
            let (r, id) = (r.clone(), id.clone());
            std::thread::spawn(move || {
                for i in 0..30 {
                    s.save(&id, &edit_word(&r, 0, &format!("c{t}w{i}")), &by("x", None))?;
                    // Readers see a consistent history while the other writes.
                    let log = s.log(&id)?;
                    assert!(log.windows(2).all(|w| w[0].number == w[1].number + 1));
                }
                Ok::<_, dateline_store::StoreError>(())
            })
        })
        .collect();
    for h in handles {
        h.join()
            .expect("thread")
            .expect("no busy error within the timeout");
    }
    let s = SqliteStore::open(&db).expect("reopen");
    let log = s.log(&id).expect("log");
    assert_eq!(log.len(), 61);
    assert_eq!(log[0].number, 61);
    // Times follow numbers: each revision's clock is read holding the write lock.
    assert!(log.windows(2).all(|w| w[0].created >= w[1].created));
}
