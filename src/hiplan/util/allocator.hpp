#pragma once

namespace hiplan::util {

// Tunes the C library's allocator for hiplan's work pattern: many short-lived documents
// of a few hundred kilobytes, loaded one after another on each thread. By default glibc
// returns freed memory to the kernel after every document and then takes it back, page
// by page, for the next one; that cost about a tenth of lint's time (docs/performance.md).
// Call once, at start-up, before any thread starts. Does nothing on other C libraries.
void tune_allocator_for_batches();

}  // namespace hiplan::util
