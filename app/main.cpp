#include "cli/headless.h"
#include "guiapplication.h"

// One binary: subcommands, --version and --help run headless (no display needed); anything
// else opens the window.
int main(int argc, char* argv[])
{
    if (isHeadlessInvocation(argc, argv))
        return runHeadless(argc, argv);
    return runGuiApplication(argc, argv);
}
