#include "clickhouseendpoint.h"

#include <QCoreApplication>

QString ClickHouseEndpoint::displayString() const
{
    const QString shown = url.adjusted(QUrl::RemoveUserInfo).toString();
    if (user.isEmpty())
        return shown;
    return QCoreApplication::translate("ClickHouseEndpoint", "%1 (user %2)").arg(shown, user);
}
