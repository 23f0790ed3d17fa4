//! A heap in huge pages for a command about to work on big files.
//!
//! The first touch of every fresh 4 KiB page of the heap is a page fault, and a
//! fault costs a few microseconds (more on a virtual machine). Comparing the
//! 20,000-word pair of the benchmark touches about 3 MB of heap: some 800 faults,
//! which cost the process more system time than git's whole word diff of the
//! same texts. Backed by 2 MiB pages (Linux's transparent huge pages, in its
//! `madvise` or `always` setting) the same heap costs a handful of faults.
//!
//! Only glibc's heap on Linux is prepared, and only for big inputs: clearing a
//! 2 MiB page costs more than the faults it spares below about 1 MB of heap, so
//! small commands (nearly all of them) run exactly as before. Nothing here
//! changes what a command computes; the advice is only about how memory is
//! backed, and where it cannot be followed it is ignored.

/// Heap a comparison needs per byte of release JSON it reads (the 20,000-word
/// pair peaks at about 12 times its input).
pub const PER_INPUT_BYTE: usize = 12;

/// Prepares the heap for a command that will need about `bytes` of it.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)] // glibc's malloc settings and madvise, on the heap's own free space
pub fn reserve(bytes: usize) {
    use libc::{c_int, c_void};
    /// Size (and alignment) of a transparent huge page on x86-64 and arm64.
    const HUGE: usize = 2 << 20;
    /// Below this, 4 KiB faults cost less than clearing a huge page.
    const MIN_HEAP: usize = 1 << 20;
    /// glibc refuses a larger mmap threshold on 64-bit targets.
    const MAX_MMAP_THRESHOLD: usize = 32 << 20;
    /// More than the heap's free top at the start (128 KiB and a little).
    const PROBE: usize = 512 << 10;

    if bytes < MIN_HEAP {
        return;
    }
    // Room for `bytes` past the first huge-page boundary of the new space.
    let pad = bytes.next_multiple_of(HUGE) + HUGE;
    let (Ok(pad_c), Ok(trim_c)) = (c_int::try_from(pad), c_int::try_from(2 * pad)) else {
        return;
    };
    let mmap_c = c_int::try_from(pad.min(MAX_MMAP_THRESHOLD)).unwrap_or(c_int::MAX);
    // SAFETY: mallopt only changes glibc's settings; malloc and free are paired
    // except for the filler, which is left allocated on purpose and never used;
    // sbrk(0) only reads the end of the heap; madvise(MADV_HUGEPAGE) is advice
    // about memory the heap owns and changes no byte of it.
    unsafe {
        // Big blocks from the heap too (not each a mapping of its own, faulted
        // page by page and unmapped when freed); the heap grown by `pad` at once
        // and not given back while the command runs.
        libc::mallopt(libc::M_MMAP_THRESHOLD, mmap_c);
        libc::mallopt(libc::M_TRIM_THRESHOLD, trim_c);
        libc::mallopt(libc::M_TOP_PAD, pad_c);
        // A block bigger than the free top grows the heap; freed, it leaves
        // the new space as the top, which the next blocks are cut from.
        // (black_box: the compiler may drop a block it sees unused.)
        let probe = std::hint::black_box(libc::malloc(PROBE));
        if probe.is_null() {
            return;
        }
        let start = probe as usize;
        libc::free(probe);
        let end = libc::sbrk(0) as usize;
        // The blocks below the first huge-page boundary would still fault page
        // by page: a filler block takes that space (untouched, it costs nothing).
        let first = (start + 4096).next_multiple_of(HUGE);
        let last = end / HUGE * HUGE;
        if last <= first {
            return;
        }
        let filler = std::hint::black_box(libc::malloc(first - start - 64));
        if filler.is_null() {
            return;
        }
        libc::madvise(first as *mut c_void, last - first, libc::MADV_HUGEPAGE);
    }
}

/// Prepares the heap for a command that will need about `bytes` of it (only
/// glibc's heap on Linux is prepared).
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn reserve(_bytes: usize) {}
