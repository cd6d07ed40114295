#include "jsonindent.h"

namespace JsonIndent {

QByteArray indent(QByteArrayView json, int width)
{
    QByteArray out;
    out.reserve(json.size() * 2);
    int depth = 0;
    auto newline = [&out, &depth, width] {
        out.append('\n');
        out.append(QByteArray(qMax(0, depth) * width, ' '));
    };
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            out.append(c);
            if (c == '\\' && i + 1 < json.size())
                out.append(json[++i]);
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break; // the layout is ours
        case '"':
            inString = true;
            out.append(c);
            break;
        case '{':
        case '[': {
            out.append(c);
            // Skip whitespace to see whether the container is empty.
            qsizetype next = i + 1;
            while (next < json.size()
                && (json[next] == ' ' || json[next] == '\n' || json[next] == '\r' || json[next] == '\t'))
                ++next;
            if (next < json.size() && (json[next] == '}' || json[next] == ']')) {
                out.append(json[next]);
                i = next;
                break;
            }
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out.append(c);
            break;
        case ',':
            out.append(c);
            newline();
            break;
        case ':':
            out.append(": ");
            break;
        default:
            out.append(c);
        }
    }
    return out;
}

} // namespace JsonIndent
