#include "cli/headless.h"
#include "guiapplication.h"

// One binary: a command (or a word that is not one), --version and --help run headless, with no
// display needed; no arguments, or the window's options, open the window.
int main(int argc, char* argv[])
{
    if (isHeadlessInvocation(argc, argv))
        return runHeadless(argc, argv);
    return runGuiApplication(argc, argv);
}
