#include "CMemoryTuning.h"

#if defined(__linux__)
#include <malloc.h>
#endif

void stepdoc_fix_mmap_threshold(int bytes) {
#if defined(M_MMAP_THRESHOLD)
    mallopt(M_MMAP_THRESHOLD, bytes);
#else
    (void)bytes;
#endif
}
