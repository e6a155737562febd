//! `analyze_with`, `non_gsm`, `replacements`, `part_ranges` and `MessageEncoder` never
//! allocate, under every option combination, including grapheme splitting of smart-encoded
//! text.

mod naive;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

// Counted per thread: the test harness runs other tests (and its own bookkeeping) on other
// threads at the same time, and their allocations are not ours. Const-initialised thread locals
// of `Cell`s need no allocation to access.
thread_local! {
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // `try_with`: during thread teardown the locals may be gone; nothing to count then.
        let _ = COUNTING.try_with(|counting| {
            if counting.get() {
                let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
            }
        });
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations<T>(f: impl FnOnce() -> T) -> usize {
    ALLOCATIONS.with(|n| n.set(0));
    COUNTING.with(|c| c.set(true));
    let result = f();
    COUNTING.with(|c| c.set(false));
    drop(std::hint::black_box(result));
    ALLOCATIONS.with(Cell::get)
}

#[test]
fn analysis_and_iterators_do_not_allocate() {
    let texts = [
        "Hello world".to_string(),
        "Don’t miss our “flash sale” — 50% off!".repeat(12),
        format!("{}€{}", "a".repeat(152), "b".repeat(300)),
        "👩\u{200D}👩\u{200D}👧 🇫\u{200B}🇷 e\u{301}\u{303} ".repeat(30),
        format!("x{}", "\u{301}".repeat(500)),
        "\u{200B}\u{FEFF}".to_string(),
    ];
    let options = naive::all_options();
    // Warm up anything lazily initialised by the test harness itself.
    let _ = allocations(|| septet::analyze("warm up"));
    for text in &texts {
        for o in &options {
            assert_eq!(
                allocations(|| septet::analyze_with(text, o)),
                0,
                "analyze_with {o:?} {text:?}"
            );
            assert_eq!(allocations(|| septet::non_gsm(text, o).count()), 0);
            assert_eq!(allocations(|| septet::replacements(text).count()), 0);
            assert_eq!(
                allocations(|| septet::part_ranges(text, o).map(|r| r.count())),
                0
            );
            // A whole message's bytes, every part into one set of caller-owned buffers.
            let destination = septet::Address::parse("+447700900123").ok();
            for encode_options in [
                septet::EncodeOptions::default(),
                septet::EncodeOptions {
                    reference: 9,
                    smpp_packing: septet::SmppPacking::Packed,
                    destination,
                },
            ] {
                let mut part = septet::PartBytes::new();
                let counted = allocations(|| {
                    let mut written = 0;
                    if let Ok(mut encoder) = septet::MessageEncoder::new(text, o, &encode_options) {
                        while let Ok(Some(_)) = encoder.encode_next_into(&mut part) {
                            written += 1;
                        }
                    }
                    written
                });
                assert_eq!(counted, 0, "MessageEncoder {o:?} {text:?}");
            }
        }
    }
    #[cfg(feature = "alloc")]
    // The counter does count: smart_encode of a changed text allocates.
    assert!(allocations(|| septet::smart_encode("“x”").into_owned()) > 0);
}
