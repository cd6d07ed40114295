#pragma once

#include "common/jsonvalue.h"
#include "common/jsonview.h"

#include <QString>

/// The lazy walk (JsonView) against the tree (JsonValue) of the same validated text: same types,
/// same member names in order, same decoded strings, same number text, same offsets. Returns an
/// empty string when they agree, else where they part. Used by tst_jsonview and the JSON fuzzer.
namespace JsonViewCheck {

inline QString compare(const JsonValue& tree, const JsonView& view, const QString& path = QStringLiteral("$"))
{
    auto differs = [&](const char* what) { return path + QStringLiteral(": ") + QLatin1StringView(what); };
    if (tree.type() != view.type())
        return differs("type");
    if (tree.offset() != view.offset())
        return differs("offset");
    switch (tree.type()) {
    case JsonValue::Type::Null:
        return {};
    case JsonValue::Type::Bool:
        return tree.boolean() == view.boolean() ? QString() : differs("boolean");
    case JsonValue::Type::Number:
        return view.numberText() == tree.text() ? QString() : differs("number text");
    case JsonValue::Type::String: {
        QByteArray scratch;
        return view.string(&scratch) == tree.text() ? QString() : differs("string");
    }
    case JsonValue::Type::Array: {
        QString problem;
        size_t seen = 0;
        view.forEachElement([&](const JsonView& element, qsizetype index) {
            if (seen >= tree.elements().size()) {
                problem = differs("extra element");
                return false;
            }
            problem = compare(tree.elements()[seen++], element, path + u'[' + QString::number(index) + u']');
            return problem.isEmpty();
        });
        if (problem.isEmpty() && seen != tree.elements().size())
            problem = differs("missing elements");
        return problem;
    }
    case JsonValue::Type::Object: {
        QString problem;
        size_t seen = 0;
        view.forEachMember([&](QByteArrayView name, const JsonView& value) {
            if (seen >= tree.members().size()) {
                problem = differs("extra member");
                return false;
            }
            const JsonValue::Member& member = tree.members()[seen++];
            if (member.first != name) {
                problem = differs("member name");
                return false;
            }
            // Every other member is left unread, so the walk must find its end by itself.
            if (seen % 2 == 0)
                return true;
            problem = compare(member.second, value, path + u'.' + QString::fromUtf8(member.first));
            return problem.isEmpty();
        });
        if (problem.isEmpty() && seen != tree.members().size())
            problem = differs("missing members");
        return problem;
    }
    }
    return differs("unknown type");
}

} // namespace JsonViewCheck
