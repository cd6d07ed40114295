// The modern-dialect test peer: ClickHouse 26.7 as libchdb.so (npm @chdb/lib-linux-x64-gnu) in a
// process of its own. It is built without the sanitiser flags on purpose: libchdb.so crashes in
// its static initialisation when loaded into an AddressSanitizer process, so the tests (which may
// be sanitised) talk to this small program over a pipe instead of loading the library themselves.
//
// Protocol (stdin/stdout, binary safe):
//   start:    "READY <version>\n", or "FAILED <length>\n<message>" and exit 1
//   request:  "<format> <length>\n<SQL of that many bytes>"
//   answer:   "OK <length>\n<bytes>" or "ERROR <length>\n<message>"
// Usage: chdb-peer <path to libchdb.so> <data folder>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <string>
#include <unistd.h>

namespace {
struct Api
{
    void* (*connect)(int, char**) = nullptr;
    void (*closeConnection)(void*) = nullptr;
    void* (*query)(void*, const char*, const char*) = nullptr;
    char* (*buffer)(void*) = nullptr;
    size_t (*length)(void*) = nullptr;
    const char* (*error)(void*) = nullptr;
    void (*destroy)(void*) = nullptr;
};

FILE* g_answers = nullptr; // the real standard output; the library's own printing goes to stderr

void answer(const char* status, const char* bytes, size_t length)
{
    std::fprintf(g_answers, "%s %zu\n", status, length);
    if (length > 0)
        std::fwrite(bytes, 1, length, g_answers);
    std::fflush(g_answers);
}

template<typename Function>
bool resolve(void* library, const char* name, Function* function)
{
    *function = reinterpret_cast<Function>(dlsym(library, name));
    return *function != nullptr;
}

/// Runs one statement; false when the answer said the query failed.
bool run(const Api& api, void* connection, const std::string& sql, const std::string& format)
{
    void* result = api.query(connection, sql.c_str(), format.c_str());
    if (result == nullptr) {
        const char message[] = "chdb_query returned no result";
        answer("ERROR", message, sizeof message - 1);
        return false;
    }
    const char* error = api.error(result);
    const bool ok = error == nullptr || *error == '\0';
    if (ok)
        answer("OK", api.buffer(result), api.length(result));
    else
        answer("ERROR", error, std::strlen(error));
    api.destroy(result);
    return ok;
}
} // namespace

int main(int argc, char** argv)
{
    // Answers go to a copy of standard output; fd 1 becomes stderr so nothing else mixes in.
    const int answersFd = dup(STDOUT_FILENO);
    dup2(STDERR_FILENO, STDOUT_FILENO);
    g_answers = fdopen(answersFd, "w");
    if (argc != 3 || g_answers == nullptr) {
        std::fprintf(stderr, "usage: chdb-peer <libchdb.so> <data folder>\n");
        return 2;
    }
    void* library = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
        const std::string message = std::string("cannot load ") + argv[1] + ": " + dlerror();
        answer("FAILED", message.data(), message.size());
        return 1;
    }
    Api api;
    if (!resolve(library, "chdb_connect", &api.connect) || !resolve(library, "chdb_close_conn", &api.closeConnection)
        || !resolve(library, "chdb_query", &api.query) || !resolve(library, "chdb_result_buffer", &api.buffer)
        || !resolve(library, "chdb_result_length", &api.length) || !resolve(library, "chdb_result_error", &api.error)
        || !resolve(library, "chdb_destroy_query_result", &api.destroy)) {
        const std::string message = std::string("libchdb.so lacks a function of the chdb C API: ") + dlerror();
        answer("FAILED", message.data(), message.size());
        return 1;
    }
    std::string pathArgument = std::string("--path=") + argv[2];
    char program[] = "clickhouse";
    char* arguments[] = { program, pathArgument.data() };
    void** handle = static_cast<void**>(api.connect(2, arguments));
    if (handle == nullptr || *handle == nullptr) {
        const char message[] = "chdb_connect failed";
        answer("FAILED", message, sizeof message - 1);
        return 1;
    }
    void* connection = *handle;
    void* version = api.query(connection, "SELECT version()", "TabSeparated");
    std::string versionText =
        version && api.length(version) ? std::string(api.buffer(version), api.length(version)) : "";
    if (version)
        api.destroy(version);
    while (!versionText.empty() && versionText.back() == '\n')
        versionText.pop_back();
    std::fprintf(g_answers, "READY %s\n", versionText.c_str());
    std::fflush(g_answers);

    char header[256];
    while (std::fgets(header, sizeof header, stdin) != nullptr) {
        char format[128] = {};
        size_t length = 0;
        if (std::sscanf(header, "%127s %zu", format, &length) != 2) {
            const char message[] = "bad request header";
            answer("ERROR", message, sizeof message - 1);
            break;
        }
        std::string sql(length, '\0');
        if (length > 0 && std::fread(sql.data(), 1, length, stdin) != length)
            break;
        run(api, connection, sql, format);
    }
    api.closeConnection(handle);
    return 0;
}
