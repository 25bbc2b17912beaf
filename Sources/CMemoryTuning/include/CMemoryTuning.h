#ifndef STEPDOC_C_MEMORY_TUNING_H
#define STEPDOC_C_MEMORY_TUNING_H

/// Gives glibc's allocator a fixed mmap threshold of `bytes` (no-op elsewhere). glibc otherwise raises
/// the threshold to the size of each large block freed, so the big buffers of a large file stay on the
/// heap after use and the process's peak memory grows. Swift's Glibc module does not import <malloc.h>.
void stepdoc_fix_mmap_threshold(int bytes);

#endif
