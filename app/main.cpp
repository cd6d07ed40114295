#include "cli/headless.h"
#include "guiapplication.h"

#include <malloc.h>

// One binary: a command (or a word that is not one), --version and --help run headless, with no
// display needed; no arguments, or the window's options, open the window.
int main(int argc, char* argv[])
{
    // The receiver decodes request after request, each building and freeing a few hundred
    // kilobytes of records. glibc gives freed memory at the top of the heap back to the system
    // past 128 KiB, and the next request faults it in again page by page: a third of the decode
    // time (docs/PERFORMANCE.md). Keeping up to 32 MiB of freed heap removes that; setting the
    // trim threshold turns off glibc's own mmap threshold tuning, so request-sized buffers (up to
    // 32 MiB) are taken from the heap explicitly too, instead of a fresh mapping each time.
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    if (isHeadlessInvocation(argc, argv))
        return runHeadless(argc, argv);
    return runGuiApplication(argc, argv);
}
