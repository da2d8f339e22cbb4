//! The process's allocator and the settings it starts with.
//!
//! glibc's allocator spends most of a request's CPU under many threads (measured: about half
//! of the gateway's profile); mimalloc keeps per-thread heaps.
//!
//! mimalloc reserves its first arena (1 GiB of address space, enough for the whole process) at
//! the first allocation, which Rust's runtime makes before `main`; how that arena commits memory
//! is fixed then. By default it commits the whole arena up front on Linux, so freed pages stay
//! resident: the deep benchmark query peaked at 81–83 MiB that way against 69.5 MiB committing
//! as used, at the same throughput (BENCHMARKS.md, "Allocator settings"). Setting the option
//! from `main` came too late (measured: no change), so it is set from the ELF `.init_array`,
//! which the loader runs before `main`. An explicit `MIMALLOC_ARENA_EAGER_COMMIT` in the
//! environment still decides.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_arena_eager_commit`: its place in mimalloc's `mi_option_e` (mimalloc.h, v2 and
/// v3 alike); the Rust bindings name no constant for it.
const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;

/// The value the gateway starts with unless the environment names one: commit as used.
pub(crate) const ARENA_EAGER_COMMIT_DEFAULT: std::ffi::c_long = 0;

#[cfg(target_os = "linux")]
#[expect(
    unsafe_code,
    reason = "a constructor entry must be placed in .init_array by hand: std has no safe way to run code before its runtime allocates"
)]
mod before_main {
    use std::ffi::c_char;

    #[used]
    #[unsafe(link_section = ".init_array")]
    static SET_OPTIONS: extern "C" fn() = set_options;

    unsafe extern "C" {
        /// libc's: reading the environment through std would allocate, and the first
        /// allocation is what the setting must come before.
        fn getenv(name: *const c_char) -> *mut c_char;
    }

    extern "C" fn set_options() {
        // SAFETY: getenv reads a NUL-terminated name; nothing modifies the environment while
        // the loader runs constructors. mi_option_set only stores the value (mimalloc reads
        // options lazily and may be called before its own initialisation).
        unsafe {
            if getenv(c"MIMALLOC_ARENA_EAGER_COMMIT".as_ptr()).is_null() {
                libmimalloc_sys::mi_option_set(
                    super::ARENA_EAGER_COMMIT,
                    super::ARENA_EAGER_COMMIT_DEFAULT,
                );
            }
        }
    }
}

/// The arena commit setting in force (for tests).
#[cfg(test)]
#[expect(unsafe_code, reason = "reading a mimalloc option has no safe binding")]
fn arena_eager_commit() -> std::ffi::c_long {
    // SAFETY: reads an option's value; no pointer is involved.
    unsafe { libmimalloc_sys::mi_option_get(ARENA_EAGER_COMMIT) }
}

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(target_os = "linux")]
    fn arenas_commit_as_used_unless_the_environment_says_otherwise() {
        let expected = match std::env::var("MIMALLOC_ARENA_EAGER_COMMIT") {
            Ok(value) => value
                .parse()
                .expect("a number in MIMALLOC_ARENA_EAGER_COMMIT"),
            Err(_) => super::ARENA_EAGER_COMMIT_DEFAULT,
        };
        assert_eq!(super::arena_eager_commit(), expected);
    }
}
