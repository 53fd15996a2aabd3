#pragma once
// Asking Linux for transparent huge pages on a large buffer that is about to be filled.

#include <cstddef>

namespace trygg::io::detail {

// Advises the kernel (madvise MADV_HUGEPAGE) to back the 2 MiB-aligned part of
// [data, data + bytes) with huge pages when it is first touched. Why: reading 100k features
// fills ~40 MB of freshly reserved memory, and on the usual THP setting ("madvise") every 4 KiB
// page of it costs a page fault; with the advice it is ~20 faults. Only advice: a no-op for
// buffers under 2 MiB, on other systems, or when the kernel declines; contents are unchanged.
void advise_huge_pages(void* data, std::size_t bytes) noexcept;

}  // namespace trygg::io::detail
