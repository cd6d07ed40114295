#!/bin/sh
# Fails when a user-visible string literal in ui/ is not marked for translation: lupdate only
# collects tr() and QCoreApplication::translate(), so a bare literal given to a label, button,
# title, tooltip, tab, action, combo item, header or message box stays English in every locale.
#
# A C++ heuristic, not a parser: the sources are read token by token, keeping the stack of open
# calls. A string literal is an offender when it holds a letter (placeholders like %1, HTML tags,
# entities and escapes aside) and, going outwards from it, the first call that is not a mere
# grouping, initialiser list, .arg() or QString conversion is one of the setters or constructors
# that show text (setText, setToolTip, QLabel, QMessageBox::warning, ...). A literal inside tr(),
# translate() or QT_TR*_NOOP() is marked; one inside any other call (setObjectName, QIcon,
# QKeySequence, a settings key, a date format) is not shown as such and is left alone, as are
# resource paths, SQL and a combo item's data (its argument after the text).
# The rare true exception carries a trailing `// not translated: <reason>` on its line.
# Usage: ui-literals.sh <source root>
set -eu
root=$1
files=$(cd "$root" && find ui -name '*.cpp' | LC_ALL=C sort)
[ -n "$files" ] || {
    echo "ui literals: no ui/**/*.cpp under $root"
    exit 1
}
count=$(printf '%s\n' "$files" | wc -l | tr -d ' ')
offenders=$(cd "$root" && printf '%s\n' "$files" | xargs awk '
function reset() { depth = 0; inBlock = 0; inRaw = 0; pending = 0; prev = ""; prevName = "" }
function visible(name) {
    sub(/^.*::/, "", name)
    return name ~ /^(setText|setWindowTitle|setToolTip|setStatusTip|setWhatsThis|setPlaceholderText|setAccessibleName|setAccessibleDescription|setTitle|setInformativeText|setDetailedText|setSpecialValueText|setLabelText|addAction|addTab|insertTab|setTabText|setTabToolTip|addItem|insertItem|addItems|setHorizontalHeaderLabels|setVerticalHeaderLabels|setHeaderLabels|QLabel|QPushButton|QCheckBox|QRadioButton|QGroupBox|QAction|QCommandLinkButton|QMessageBox|QMenu|addMenu|showMessage|drawText)$/
}
function marks(name) { return name ~ /^(tr|translate|QCoreApplication::translate|QObject::tr|QT_TR_NOOP|QT_TRANSLATE_NOOP|QT_TR_N_NOOP|QT_TRANSLATE_N_NOOP|qtTrId)$/ }
function transparent(name) { return name ~ /^(|arg|QString|QStringLiteral|QLatin1String|QLatin1StringView|QStringView|fromUtf8|fromLatin1|QStringList)$/ }
function words(text) {
    gsub(/\\(u[0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f][0-9A-Fa-f]|.)/, "", text)
    gsub(/%L?[0-9]+/, "", text)
    gsub(/<[^>]*>/, "", text)
    gsub(/&[A-Za-z]+;/, "", text)
    return text ~ /[A-Za-z]/
}
# The literal just ended (with the pieces adjacent literals add): said when it is an offender.
function judge(    i, name, optedOut, l) {
    pending = 0
    if (!words(literal) || literal ~ /^:\// || literal ~ /^(SELECT|WITH|INSERT|SHOW|DESCRIBE|EXPLAIN|CREATE|ALTER|DROP)[ \\]/)
        return
    for (i = depth; i > 0; i--) {
        name = frameName[i]
        if (marks(name))
            return
        if (transparent(name))
            continue
        if (name ~ /QMessageBox::/ || visible(name))
            break
        return
    }
    if (i == 0)
        return
    # A combo item: its text comes first (after an icon); what follows is data.
    sub(/^.*::/, "", name)
    if ((name == "addItem" || name == "insertItem") && frameArg[i] != (name == "insertItem") + (frameIcon[i] ? 1 : 0))
        return
    optedOut = optOut[frameLine[i]]
    for (l = literalLine; l <= FNR; l++)
        optedOut = optedOut || optOut[l]
    if (!optedOut)
        print file ":" literalLine ": \"" literal "\""
}
function token(kind, text) {
    if (pending && kind != "string")
        judge()
    if (kind == "string") {
        if (pending) {
            literal = literal text
        } else {
            pending = 1
            literal = text
            literalLine = FNR
        }
    } else if (kind == "ident") {
        name = (prev == "::" && prevName != "") ? prevName "::" text : text
        if (depth > 0 && frameFirst[depth] && text == "QIcon")
            frameIcon[depth] = 1
        if (depth > 0)
            frameFirst[depth] = 0
        prevName = name
    } else if (kind == "(" || kind == "{") {
        depth++
        if (kind == "(")
            frameName[depth] = prev == "ident" ? prevName : ""
        else # a block (a lambda body, a statement) hides what is in it; an initialiser list does not
            frameName[depth] = (prev == ")" || prev == "]" || prevName ~ /^(mutable|const|else|do|try|noexcept)$/ && prev == "ident") ? "{block" : ""
        frameLine[depth] = FNR
        frameArg[depth] = 0
        frameFirst[depth] = 1
        frameIcon[depth] = 0
    } else if (kind == ")" || kind == "}") {
        if (depth > 0)
            depth--
    } else if (kind == ",") {
        if (depth > 0) {
            frameArg[depth]++
            frameFirst[depth] = 1
        }
    }
    if (kind != "ident" && kind != "::")
        prevName = ""
    prev = kind
}
FNR == 1 { if (NR > 1 && pending) judge(); file = FILENAME; reset() }
{
    if ($0 ~ /\/\/ not translated: [^ ]/)
        optOut[FNR] = 1
    else
        delete optOut[FNR]
    line = $0
    n = length(line)
    i = 1
    while (i <= n) {
        if (inBlock) {
            end = index(substr(line, i), "*/")
            if (end == 0) { i = n + 1; continue }
            i += end + 1
            inBlock = 0
            continue
        }
        if (inRaw) {
            end = index(substr(line, i), rawEnd)
            if (end == 0) { rawText = rawText substr(line, i) "\\n"; i = n + 1; continue }
            rawText = rawText substr(line, i, end - 1)
            i += end + length(rawEnd) - 1
            inRaw = 0
            token("string", rawText)
            continue
        }
        c = substr(line, i, 1)
        two = substr(line, i, 2)
        if (two == "//") break
        if (two == "/*") { inBlock = 1; i += 2; continue }
        if (c ~ /[ \t\r]/) { i++; continue }
        if (c == "#" && substr(line, 1, i - 1) ~ /^[ \t]*$/) break # a preprocessor line
        rest = substr(line, i)
        if (match(rest, /^(u8|u|U|L)?R"[^(]*\(/)) {
            delimiter = substr(rest, 1, RLENGTH - 1)
            sub(/^[^"]*"/, "", delimiter)
            rawEnd = ")" delimiter "\""
            i += RLENGTH
            inRaw = 1
            rawText = ""
            continue
        }
        if (match(rest, /^(u8|u|U|L)?"/)) {
            j = i + RLENGTH
            text = ""
            while (j <= n) {
                d = substr(line, j, 1)
                if (d == "\\") { text = text substr(line, j, 2); j += 2; continue }
                if (d == "\"") break
                text = text d
                j++
            }
            i = j + 1
            if (match(substr(line, i), /^[A-Za-z_][A-Za-z_0-9]*/)) i += RLENGTH # a suffix: _s
            token("string", text)
            continue
        }
        if (match(rest, /^(u8|u|U|L)?\047(\\.|[^\\\047])*\047/)) { i += RLENGTH; token("char", ""); continue }
        if (match(rest, /^[0-9][0-9A-Za-z_.\047]*/)) { i += RLENGTH; token("number", ""); continue }
        if (match(rest, /^[A-Za-z_][A-Za-z_0-9]*/)) { token("ident", substr(rest, 1, RLENGTH)); i += RLENGTH; continue }
        if (two == "::") { token("::", ""); i += 2; continue }
        if (c ~ /[(){},\]]/) { token(c, ""); i++; continue }
        token("punct", c)
        i++
    }
}
END { if (pending) judge() }
')
if [ -n "$offenders" ]; then
    printf '%s\n' "$offenders"
    echo "ui literals: $(printf '%s\n' "$offenders" | wc -l | tr -d ' ') user-visible literal(s) in ui/ not marked for translation: wrap each in tr(), or end its line with // not translated: <why>"
    exit 1
fi
echo "ui literals: every user-visible literal in ui/ is marked for translation ($count files)"
