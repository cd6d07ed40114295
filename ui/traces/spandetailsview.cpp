#include "spandetailsview.h"

#include "servicepalette.h"
#include "trace/tracetree.h"
#include "traceformat.h"

#include <QHeaderView>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {
QTreeWidgetItem* section(QTreeWidget* tree, const QString& title)
{
    auto* item = new QTreeWidgetItem(tree, { title });
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setFirstColumnSpanned(true);
    return item;
}

void add(QTreeWidgetItem* parent, const QString& key, const QString& value)
{
    auto* item = new QTreeWidgetItem(parent, { key, value });
    item->setToolTip(1, value);
}

void addAttributes(QTreeWidgetItem* parent, const Attributes& attributes)
{
    for (const KeyValue& attribute : attributes)
        add(parent, QString::fromUtf8(attribute.key), QString::fromUtf8(attribute.value.toDisplayUtf8()));
}

QString enumText(const char* protoName, const char* prefix)
{
    const QByteArrayView name(protoName);
    return QString::fromLatin1(name.startsWith(prefix) ? name.sliced(qstrlen(prefix)) : name);
}
} // namespace

SpanDetailsView::SpanDetailsView(QWidget* parent)
    : QTreeWidget(parent)
{
    setAccessibleName(tr("Span details"));
    setColumnCount(2);
    setHeaderLabels({ tr("Field"), tr("Value") });
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
}

void SpanDetailsView::showSpan(const TraceTree& tree, qsizetype index)
{
    clear();
    if (index < 0 || index >= tree.size())
        return;
    const TraceSpan& span = tree.span(index);
    const SpanRecord& record = span.record;
    QTreeWidgetItem* general = section(this, tr("Span"));
    add(general, tr("Name"), QString::fromUtf8(record.name));
    add(general, tr("Service"), QString::fromUtf8(serviceNameOf(record.resource)));
    general->child(1)->setForeground(1, ServicePalette::color(tree.serviceIndexOf(index)).darker(130));
    add(general, tr("Kind"), enumText(Otlp::spanKindName(record.kind), "SPAN_KIND_"));
    add(general, tr("Status"), enumText(Otlp::statusCodeName(record.statusCode), "STATUS_CODE_"));
    if (record.statusCode == Otlp::StatusCode::Error)
        general->child(3)->setForeground(1, ServicePalette::errorColor());
    if (!record.statusMessage.isEmpty())
        add(general, tr("Status message"), QString::fromUtf8(record.statusMessage));
    add(general, tr("Start"), TraceFormat::time(record.startTimeUnixNano));
    add(general, tr("Offset in trace"), TraceFormat::duration(tree.spanStartNs(index) - tree.startNs()));
    add(general, tr("Duration"), TraceFormat::duration(tree.spanEndNs(index) - tree.spanStartNs(index)));
    add(general, tr("Span id"), QString::fromUtf8(span.id));
    add(general, tr("Parent span id"),
        span.parentId.isEmpty()    ? tr("(none: a root span)")
            : tree.isOrphan(index) ? tr("%1 (not in the trace)").arg(QString::fromUtf8(span.parentId))
                                   : QString::fromUtf8(span.parentId));
    add(general, tr("Children"), QLocale().toString(tree.childrenOf(index).size()));
    add(general, tr("Critical path"), tree.isOnCriticalPath(index) ? tr("yes") : tr("no"));

    QTreeWidgetItem* attributes = section(this, tr("Attributes"));
    addAttributes(attributes, record.attributes);
    if (record.resource) {
        QTreeWidgetItem* resource = section(this, tr("Resource"));
        addAttributes(resource, record.resource->attributes);
    }
    if (record.scope && !record.scope->name.isEmpty()) {
        QTreeWidgetItem* scope = section(this, tr("Scope"));
        add(scope, tr("Name"), QString::fromUtf8(record.scope->name));
        add(scope, tr("Version"), QString::fromUtf8(record.scope->version));
    }
    QTreeWidgetItem* events = section(this, tr("Events and links"));
    for (const SpanEvent& event : record.events)
        add(events, tr("Event"), QString::fromUtf8(event.name));
    for (const SpanLink& link : record.links)
        add(events, tr("Link"), QString::fromUtf8(link.traceId.toHex() + '/' + link.spanId.toHex()));
    if (record.events.isEmpty() && record.links.isEmpty()) {
        // The upstream traces table has no column for them: say so rather than show nothing.
        add(events, tr("None stored"), tr("the upstream traces table keeps no span events or links"));
    }
    expandAll();
}

QString SpanDetailsView::valueOf(const QString& sectionTitle, const QString& key) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = topLevelItem(i);
        if (item->text(0) != sectionTitle)
            continue;
        for (int child = 0; child < item->childCount(); ++child) {
            if (item->child(child)->text(0) == key)
                return item->child(child)->text(1);
        }
    }
    return {};
}
